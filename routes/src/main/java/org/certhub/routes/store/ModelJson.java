package org.certhub.routes.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.certhub.model.Recipient;
import org.springframework.stereotype.Component;

/** How model records are kept in the database: JSON, with a content hash that recognises resent records. */
@Component
public class ModelJson {

    private final ObjectMapper mapper;

    public ModelJson(ObjectMapper mapper) {
        this.mapper = mapper.copy().addMixIn(Recipient.class, RecipientJson.class);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " does not parse", e);
        }
    }

    /**
     * A recipient without a language is written as before the language was kept: the content hash of a record
     * stored then and sent again now is the same, so it stays one event instead of becoming a correction.
     */
    private abstract static class RecipientJson {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String language();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
