package org.certhub.routes.digilocker;

import java.util.Map;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.certhub.connectors.distribution.digilocker.DigiLockerPullService;
import org.certhub.connectors.distribution.digilocker.DigiLockerRequestException;
import org.certhub.routes.http.HttpAnswer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * DigiLocker's issuer pull API: the request's HMAC is its authentication, checked over the raw body bytes.
 * Answers XML; 401 for a missing or wrong HMAC, 400 for a malformed request.
 */
@Service
@ConditionalOnProperty(name = "certhub.channels.digilocker.pull.enabled", havingValue = "true")
public class DigiLockerPullApi {

    private final DigiLockerPullService pull;

    public DigiLockerPullApi(DigiLockerPullService pull) {
        this.pull = pull;
    }

    /** {@code POST /cert/api/pullUriRequest}. */
    public HttpAnswer pullUri(@Body byte[] body, @Header(DigiLockerPullService.HMAC_HEADER) String hmac) {
        try {
            return xml(200, pull.pullUri(body == null ? new byte[0] : body, hmac));
        } catch (DigiLockerRequestException refused) {
            return refusal(refused);
        }
    }

    /** {@code POST /cert/api/pullDocRequest}. */
    public HttpAnswer pullDoc(@Body byte[] body, @Header(DigiLockerPullService.HMAC_HEADER) String hmac) {
        try {
            return xml(200, pull.pullDoc(body == null ? new byte[0] : body, hmac));
        } catch (DigiLockerRequestException refused) {
            return refusal(refused);
        }
    }

    private static HttpAnswer refusal(DigiLockerRequestException refused) {
        String message = refused.httpStatus() == 401 ? "authentication failed" : "malformed request";
        return xml(
                refused.httpStatus(),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error status=\"" + refused.httpStatus() + "\">" + message
                        + "</Error>");
    }

    private static HttpAnswer xml(int status, String body) {
        return new HttpAnswer(status, DigiLockerPullService.CONTENT_TYPE, body, Map.of());
    }
}
