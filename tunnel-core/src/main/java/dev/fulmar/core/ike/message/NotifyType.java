package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Notify Message Types, error types (0 to 16383) and status types (16384 to 65535) (IANA
 * "IKEv2 Notify Message Error Types" and "... Status Types"; RFC 7296 §3.10.1 and the extensions
 * named on each constant).
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class NotifyType extends IanaValue {

  private static final Map<Integer, NotifyType> KNOWN = new HashMap<>();

  /** Data: the one-octet type of the payload (RFC 7296). */
  public static final NotifyType UNSUPPORTED_CRITICAL_PAYLOAD =
      define(1, "UNSUPPORTED_CRITICAL_PAYLOAD");

  /** RFC 7296. */
  public static final NotifyType INVALID_IKE_SPI = define(4, "INVALID_IKE_SPI");

  /** RFC 7296. */
  public static final NotifyType INVALID_MAJOR_VERSION = define(5, "INVALID_MAJOR_VERSION");

  /** RFC 7296. */
  public static final NotifyType INVALID_SYNTAX = define(7, "INVALID_SYNTAX");

  /** Data: the four-octet message ID (RFC 7296). */
  public static final NotifyType INVALID_MESSAGE_ID = define(9, "INVALID_MESSAGE_ID");

  /** Data: the SPI (RFC 7296). */
  public static final NotifyType INVALID_SPI = define(11, "INVALID_SPI");

  /** RFC 7296. */
  public static final NotifyType NO_PROPOSAL_CHOSEN = define(14, "NO_PROPOSAL_CHOSEN");

  /** Data: the two-octet accepted key exchange method (RFC 7296). */
  public static final NotifyType INVALID_KE_PAYLOAD = define(17, "INVALID_KE_PAYLOAD");

  /** RFC 7296. */
  public static final NotifyType AUTHENTICATION_FAILED = define(24, "AUTHENTICATION_FAILED");

  /** RFC 7296. */
  public static final NotifyType SINGLE_PAIR_REQUIRED = define(34, "SINGLE_PAIR_REQUIRED");

  /** RFC 7296. */
  public static final NotifyType NO_ADDITIONAL_SAS = define(35, "NO_ADDITIONAL_SAS");

  /** RFC 7296. */
  public static final NotifyType INTERNAL_ADDRESS_FAILURE = define(36, "INTERNAL_ADDRESS_FAILURE");

  /** RFC 7296. */
  public static final NotifyType FAILED_CP_REQUIRED = define(37, "FAILED_CP_REQUIRED");

  /** RFC 7296. */
  public static final NotifyType TS_UNACCEPTABLE = define(38, "TS_UNACCEPTABLE");

  /** RFC 7296. */
  public static final NotifyType INVALID_SELECTORS = define(39, "INVALID_SELECTORS");

  /** RFC 4555. */
  public static final NotifyType UNACCEPTABLE_ADDRESSES = define(40, "UNACCEPTABLE_ADDRESSES");

  /** RFC 4555. */
  public static final NotifyType UNEXPECTED_NAT_DETECTED = define(41, "UNEXPECTED_NAT_DETECTED");

  /** RFC 5026. */
  public static final NotifyType USE_ASSIGNED_HOA = define(42, "USE_ASSIGNED_HoA");

  /** RFC 7296. */
  public static final NotifyType TEMPORARY_FAILURE = define(43, "TEMPORARY_FAILURE");

  /** RFC 7296. */
  public static final NotifyType CHILD_SA_NOT_FOUND = define(44, "CHILD_SA_NOT_FOUND");

  /** G-IKEv2. */
  public static final NotifyType INVALID_GROUP_ID = define(45, "INVALID_GROUP_ID");

  /** G-IKEv2. */
  public static final NotifyType AUTHORIZATION_FAILED = define(46, "AUTHORIZATION_FAILED");

  /** RFC 9370. */
  public static final NotifyType STATE_NOT_FOUND = define(47, "STATE_NOT_FOUND");

  /** RFC 7296. */
  public static final NotifyType INITIAL_CONTACT = define(16384, "INITIAL_CONTACT");

  /** RFC 7296. */
  public static final NotifyType SET_WINDOW_SIZE = define(16385, "SET_WINDOW_SIZE");

  /** RFC 7296. */
  public static final NotifyType ADDITIONAL_TS_POSSIBLE = define(16386, "ADDITIONAL_TS_POSSIBLE");

  /** RFC 7296. */
  public static final NotifyType IPCOMP_SUPPORTED = define(16387, "IPCOMP_SUPPORTED");

  /** RFC 7296 §2.23. */
  public static final NotifyType NAT_DETECTION_SOURCE_IP = define(16388, "NAT_DETECTION_SOURCE_IP");

  /** RFC 7296 §2.23. */
  public static final NotifyType NAT_DETECTION_DESTINATION_IP =
      define(16389, "NAT_DETECTION_DESTINATION_IP");

  /** RFC 7296 §2.6. */
  public static final NotifyType COOKIE = define(16390, "COOKIE");

  /** RFC 7296. */
  public static final NotifyType USE_TRANSPORT_MODE = define(16391, "USE_TRANSPORT_MODE");

  /** RFC 7296. */
  public static final NotifyType HTTP_CERT_LOOKUP_SUPPORTED =
      define(16392, "HTTP_CERT_LOOKUP_SUPPORTED");

  /** RFC 7296. */
  public static final NotifyType REKEY_SA = define(16393, "REKEY_SA");

  /** RFC 7296. */
  public static final NotifyType ESP_TFC_PADDING_NOT_SUPPORTED =
      define(16394, "ESP_TFC_PADDING_NOT_SUPPORTED");

  /** RFC 7296. */
  public static final NotifyType NON_FIRST_FRAGMENTS_ALSO =
      define(16395, "NON_FIRST_FRAGMENTS_ALSO");

  /** RFC 4555. */
  public static final NotifyType MOBIKE_SUPPORTED = define(16396, "MOBIKE_SUPPORTED");

  /** RFC 4555. */
  public static final NotifyType ADDITIONAL_IP4_ADDRESS = define(16397, "ADDITIONAL_IP4_ADDRESS");

  /** RFC 4555. */
  public static final NotifyType ADDITIONAL_IP6_ADDRESS = define(16398, "ADDITIONAL_IP6_ADDRESS");

  /** RFC 4555. */
  public static final NotifyType NO_ADDITIONAL_ADDRESSES = define(16399, "NO_ADDITIONAL_ADDRESSES");

  /** RFC 4555. */
  public static final NotifyType UPDATE_SA_ADDRESSES = define(16400, "UPDATE_SA_ADDRESSES");

  /** RFC 4555. */
  public static final NotifyType COOKIE2 = define(16401, "COOKIE2");

  /** RFC 4555. */
  public static final NotifyType NO_NATS_ALLOWED = define(16402, "NO_NATS_ALLOWED");

  /** RFC 4478. */
  public static final NotifyType AUTH_LIFETIME = define(16403, "AUTH_LIFETIME");

  /** RFC 4739. */
  public static final NotifyType MULTIPLE_AUTH_SUPPORTED = define(16404, "MULTIPLE_AUTH_SUPPORTED");

  /** RFC 4739. */
  public static final NotifyType ANOTHER_AUTH_FOLLOWS = define(16405, "ANOTHER_AUTH_FOLLOWS");

  /** RFC 5685. */
  public static final NotifyType REDIRECT_SUPPORTED = define(16406, "REDIRECT_SUPPORTED");

  /** RFC 5685. */
  public static final NotifyType REDIRECT = define(16407, "REDIRECT");

  /** RFC 5685. */
  public static final NotifyType REDIRECTED_FROM = define(16408, "REDIRECTED_FROM");

  /** RFC 5723. */
  public static final NotifyType TICKET_LT_OPAQUE = define(16409, "TICKET_LT_OPAQUE");

  /** RFC 5723. */
  public static final NotifyType TICKET_REQUEST = define(16410, "TICKET_REQUEST");

  /** RFC 5723. */
  public static final NotifyType TICKET_ACK = define(16411, "TICKET_ACK");

  /** RFC 5723. */
  public static final NotifyType TICKET_NACK = define(16412, "TICKET_NACK");

  /** RFC 5723. */
  public static final NotifyType TICKET_OPAQUE = define(16413, "TICKET_OPAQUE");

  /** RFC 5739. */
  public static final NotifyType LINK_ID = define(16414, "LINK_ID");

  /** RFC 5840. */
  public static final NotifyType USE_WESP_MODE = define(16415, "USE_WESP_MODE");

  /** RFC 5857. */
  public static final NotifyType ROHC_SUPPORTED = define(16416, "ROHC_SUPPORTED");

  /** RFC 5998. */
  public static final NotifyType EAP_ONLY_AUTHENTICATION = define(16417, "EAP_ONLY_AUTHENTICATION");

  /** RFC 6023. */
  public static final NotifyType CHILDLESS_IKEV2_SUPPORTED =
      define(16418, "CHILDLESS_IKEV2_SUPPORTED");

  /** RFC 6290. */
  public static final NotifyType QUICK_CRASH_DETECTION = define(16419, "QUICK_CRASH_DETECTION");

  /** RFC 6311. */
  public static final NotifyType IKEV2_MESSAGE_ID_SYNC_SUPPORTED =
      define(16420, "IKEV2_MESSAGE_ID_SYNC_SUPPORTED");

  /** RFC 6311. */
  public static final NotifyType IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED =
      define(16421, "IPSEC_REPLAY_COUNTER_SYNC_SUPPORTED");

  /** RFC 6311. */
  public static final NotifyType IKEV2_MESSAGE_ID_SYNC = define(16422, "IKEV2_MESSAGE_ID_SYNC");

  /** RFC 6311. */
  public static final NotifyType IPSEC_REPLAY_COUNTER_SYNC =
      define(16423, "IPSEC_REPLAY_COUNTER_SYNC");

  /** RFC 6467. */
  public static final NotifyType SECURE_PASSWORD_METHODS = define(16424, "SECURE_PASSWORD_METHODS");

  /** RFC 6631. */
  public static final NotifyType PSK_PERSIST = define(16425, "PSK_PERSIST");

  /** RFC 6631. */
  public static final NotifyType PSK_CONFIRM = define(16426, "PSK_CONFIRM");

  /** RFC 6867. */
  public static final NotifyType ERX_SUPPORTED = define(16427, "ERX_SUPPORTED");

  /** 3GPP TS 24.303. */
  public static final NotifyType IFOM_CAPABILITY = define(16428, "IFOM_CAPABILITY");

  /** G-IKEv2. */
  public static final NotifyType SENDER_REQUEST_ID = define(16429, "SENDER_REQUEST_ID");

  /** RFC 7383 §2.3. */
  public static final NotifyType FRAGMENTATION_SUPPORTED =
      define(16430, "IKEV2_FRAGMENTATION_SUPPORTED");

  /** RFC 7427 §4. */
  public static final NotifyType SIGNATURE_HASH_ALGORITHMS =
      define(16431, "SIGNATURE_HASH_ALGORITHMS");

  /** RFC 7791. */
  public static final NotifyType CLONE_IKE_SA_SUPPORTED = define(16432, "CLONE_IKE_SA_SUPPORTED");

  /** RFC 7791. */
  public static final NotifyType CLONE_IKE_SA = define(16433, "CLONE_IKE_SA");

  /** RFC 8019. */
  public static final NotifyType PUZZLE = define(16434, "PUZZLE");

  /** RFC 8784. */
  public static final NotifyType USE_PPK = define(16435, "USE_PPK");

  /** RFC 8784. */
  public static final NotifyType PPK_IDENTITY = define(16436, "PPK_IDENTITY");

  /** RFC 8784. */
  public static final NotifyType NO_PPK_AUTH = define(16437, "NO_PPK_AUTH");

  /** RFC 9242. */
  public static final NotifyType INTERMEDIATE_EXCHANGE_SUPPORTED =
      define(16438, "INTERMEDIATE_EXCHANGE_SUPPORTED");

  /** RFC 8983. */
  public static final NotifyType IP4_ALLOWED = define(16439, "IP4_ALLOWED");

  /** RFC 8983. */
  public static final NotifyType IP6_ALLOWED = define(16440, "IP6_ALLOWED");

  /** RFC 9370. */
  public static final NotifyType ADDITIONAL_KEY_EXCHANGE = define(16441, "ADDITIONAL_KEY_EXCHANGE");

  /** RFC 9347. */
  public static final NotifyType USE_AGGFRAG = define(16442, "USE_AGGFRAG");

  /** RFC 9593. */
  public static final NotifyType SUPPORTED_AUTH_METHODS = define(16443, "SUPPORTED_AUTH_METHODS");

  /** RFC 9611. */
  public static final NotifyType SA_RESOURCE_INFO = define(16444, "SA_RESOURCE_INFO");

  /** RFC 9867. */
  public static final NotifyType USE_PPK_INT = define(16445, "USE_PPK_INT");

  /** RFC 9867. */
  public static final NotifyType PPK_IDENTITY_KEY = define(16446, "PPK_IDENTITY_KEY");

  /** Largest value the wire field can carry (16 bits). */
  static final int MAX_VALUE = 65535;

  private NotifyType(int value, String name) {
    super(value, name);
  }

  private static NotifyType define(int value, String name) {
    return register(KNOWN, new NotifyType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static NotifyType valueOf(int value) {
    NotifyType known = KNOWN.get(value);
    return known != null ? known : new NotifyType(value, null);
  }

  /** Smallest status type; every type below it is an error type (RFC 7296 §3.10.1). */
  static final int FIRST_STATUS_TYPE = 16384;

  /**
   * Whether this is an error type (0 to 16383). An unrecognized error type in a response means the
   * request failed entirely; unrecognized status types are ignored (RFC 7296 §3.10.1).
   */
  public boolean isError() {
    return value() < FIRST_STATUS_TYPE;
  }
}
