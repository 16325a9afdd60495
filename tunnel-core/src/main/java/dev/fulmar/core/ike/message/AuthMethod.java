package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Authentication Method (IANA; RFC 7296 §3.8, RFC 4754, RFC 6467, RFC 7619, RFC 7427).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class AuthMethod extends IanaValue {

  private static final Map<Integer, AuthMethod> KNOWN = new HashMap<>();

  /** RSASSA-PKCS1-v1_5 with SHA-1. */
  public static final AuthMethod RSA_DIGITAL_SIGNATURE = define(1, "RSA_DIGITAL_SIGNATURE");

  /** Shared Key Message Integrity Code (PSK). */
  public static final AuthMethod SHARED_KEY_MIC = define(2, "SHARED_KEY_MIC");

  public static final AuthMethod DSS_DIGITAL_SIGNATURE = define(3, "DSS_DIGITAL_SIGNATURE");

  /** RFC 4754. */
  public static final AuthMethod ECDSA_SHA256_P256 = define(9, "ECDSA_SHA256_P256");

  /** RFC 4754. */
  public static final AuthMethod ECDSA_SHA384_P384 = define(10, "ECDSA_SHA384_P384");

  /** RFC 4754. */
  public static final AuthMethod ECDSA_SHA512_P521 = define(11, "ECDSA_SHA512_P521");

  /** RFC 6467. */
  public static final AuthMethod GENERIC_SECURE_PASSWORD = define(12, "GENERIC_SECURE_PASSWORD");

  /** NULL Authentication (RFC 7619). */
  public static final AuthMethod NULL = define(13, "NULL");

  /** RFC 7427: AlgorithmIdentifier-prefixed signature. */
  public static final AuthMethod DIGITAL_SIGNATURE = define(14, "DIGITAL_SIGNATURE");

  /** Largest value the wire field can carry (8 bits). */
  static final int MAX_VALUE = 255;

  private AuthMethod(int value, String name) {
    super(value, name);
  }

  private static AuthMethod define(int value, String name) {
    return register(KNOWN, new AuthMethod(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static AuthMethod valueOf(int value) {
    AuthMethod known = KNOWN.get(value);
    return known != null ? known : new AuthMethod(value, null);
  }
}
