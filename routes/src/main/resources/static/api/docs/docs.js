// the OpenAPI document that Camel generates from the REST DSL routes
window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#swagger-ui' });
