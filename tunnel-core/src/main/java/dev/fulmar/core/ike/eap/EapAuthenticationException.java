package dev.fulmar.core.ike.eap;

import java.util.OptionalInt;

/**
 * EAP authentication failed. The {@link Reason} says why in terms the UI can explain; the
 * message is plain words (it never contains the password).
 */
public final class EapAuthenticationException extends EapException {
  private static final long serialVersionUID = 1L;

  /** Why EAP authentication failed. */
  public enum Reason {
    /** The gateway rejected the user name or password (MSCHAPv2 error 691, wrong MD5/GTC). */
    CREDENTIALS_REJECTED,
    /** The password has expired (MSCHAPv2 error 648). */
    PASSWORD_EXPIRED,
    /** The account is disabled (MSCHAPv2 error 647). */
    ACCOUNT_DISABLED,
    /** Logon is not allowed at this time (MSCHAPv2 error 646). */
    RESTRICTED_LOGON_HOURS,
    /** The account has no permission to dial in (MSCHAPv2 error 649). */
    NO_DIALIN_PERMISSION,
    /** Changing the password failed (MSCHAPv2 error 709). */
    PASSWORD_CHANGE_FAILED,
    /** Another MSCHAPv2 error code. */
    OTHER_SERVER_ERROR,
    /** The gateway could not prove it knows the password (MSCHAPv2 authenticator response). */
    GATEWAY_NOT_AUTHENTICATED,
    /** The gateway's TLS certificate was not accepted (EAP-TLS); see the cause. */
    SERVER_CERTIFICATE_REJECTED,
    /** The TLS handshake inside EAP-TLS failed. */
    TLS_FAILED,
    /** The gateway wants only EAP methods we do not offer. */
    METHOD_NOT_AGREED,
    /** The gateway sent EAP-Success before our method had finished. */
    PREMATURE_SUCCESS,
    /** The gateway sent EAP-Failure without saying why. */
    REJECTED
  }

  private final Reason reason;
  private final int serverErrorCode;

  /** A failure without a server error code. */
  public EapAuthenticationException(Reason reason, String message, Throwable cause) {
    this(reason, -1, message, cause);
  }

  EapAuthenticationException(Reason reason, int serverErrorCode, String message,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.serverErrorCode = serverErrorCode;
  }

  /** Why authentication failed. */
  public Reason reason() {
    return reason;
  }

  /** The MSCHAPv2 error code the gateway sent (E=...), if any. */
  public OptionalInt serverErrorCode() {
    return serverErrorCode < 0 ? OptionalInt.empty() : OptionalInt.of(serverErrorCode);
  }
}
