package org.certhub.connectors.distribution.digilocker;

/** A pull request DigiLocker should not have sent: the HTTP status to answer is {@link #httpStatus()}. */
public class DigiLockerRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public DigiLockerRequestException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** 401: the {@code x-digilocker-hmac} header is missing or wrong. */
    public static DigiLockerRequestException unauthorized() {
        return new DigiLockerRequestException(
                401, "the x-digilocker-hmac header does not authenticate the request", null);
    }

    /** 400: not a well-formed request of the expected kind. */
    public static DigiLockerRequestException badRequest(String message, Throwable cause) {
        return new DigiLockerRequestException(400, message, cause);
    }

    public int httpStatus() {
        return httpStatus;
    }
}
