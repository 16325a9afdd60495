package dev.fulmar.core.ike.message;

import java.util.HashMap;
import java.util.Map;

/**
 * IKEv2 Configuration Payload Attribute Types (IANA; RFC 7296 §3.15.1, RFC 8598, RFC 9464). The
 * type field has 15 bits; the top bit of the wire field is reserved.
 *
 * <p>An open registry (STYLE.md #3): {@link #valueOf(int)} never fails and keeps values we have no
 * name for; {@link #toString()} prints the IANA name or {@code unknown(N)}.
 */
public final class ConfigAttributeType extends IanaValue {

  private static final Map<Integer, ConfigAttributeType> KNOWN = new HashMap<>();

  /** Zero or four octets. */
  public static final ConfigAttributeType INTERNAL_IP4_ADDRESS = define(1, "INTERNAL_IP4_ADDRESS");

  /** Zero or four octets. */
  public static final ConfigAttributeType INTERNAL_IP4_NETMASK = define(2, "INTERNAL_IP4_NETMASK");

  /** Zero or four octets. */
  public static final ConfigAttributeType INTERNAL_IP4_DNS = define(3, "INTERNAL_IP4_DNS");

  /** Zero or four octets. */
  public static final ConfigAttributeType INTERNAL_IP4_NBNS = define(4, "INTERNAL_IP4_NBNS");

  /** Zero or four octets. */
  public static final ConfigAttributeType INTERNAL_IP4_DHCP = define(6, "INTERNAL_IP4_DHCP");

  /** Zero or more octets of printable text. */
  public static final ConfigAttributeType APPLICATION_VERSION = define(7, "APPLICATION_VERSION");

  /** Zero or seventeen octets (address, prefix length). */
  public static final ConfigAttributeType INTERNAL_IP6_ADDRESS = define(8, "INTERNAL_IP6_ADDRESS");

  /** Zero or sixteen octets. */
  public static final ConfigAttributeType INTERNAL_IP6_DNS = define(10, "INTERNAL_IP6_DNS");

  /** Zero or sixteen octets. */
  public static final ConfigAttributeType INTERNAL_IP6_DHCP = define(12, "INTERNAL_IP6_DHCP");

  /** Zero or eight octets (address, netmask). */
  public static final ConfigAttributeType INTERNAL_IP4_SUBNET = define(13, "INTERNAL_IP4_SUBNET");

  /** A list of two-octet attribute types. */
  public static final ConfigAttributeType SUPPORTED_ATTRIBUTES = define(14, "SUPPORTED_ATTRIBUTES");

  /** Zero or seventeen octets (address, prefix length). */
  public static final ConfigAttributeType INTERNAL_IP6_SUBNET = define(15, "INTERNAL_IP6_SUBNET");

  public static final ConfigAttributeType MIP6_HOME_PREFIX = define(16, "MIP6_HOME_PREFIX");
  public static final ConfigAttributeType INTERNAL_IP6_LINK = define(17, "INTERNAL_IP6_LINK");
  public static final ConfigAttributeType INTERNAL_IP6_PREFIX = define(18, "INTERNAL_IP6_PREFIX");
  public static final ConfigAttributeType HOME_AGENT_ADDRESS = define(19, "HOME_AGENT_ADDRESS");
  public static final ConfigAttributeType P_CSCF_IP4_ADDRESS = define(20, "P_CSCF_IP4_ADDRESS");
  public static final ConfigAttributeType P_CSCF_IP6_ADDRESS = define(21, "P_CSCF_IP6_ADDRESS");
  public static final ConfigAttributeType FTT_KAT = define(22, "FTT_KAT");
  public static final ConfigAttributeType EXTERNAL_SOURCE_IP4_NAT_INFO =
      define(23, "EXTERNAL_SOURCE_IP4_NAT_INFO");
  public static final ConfigAttributeType TIMEOUT_PERIOD_FOR_LIVENESS_CHECK =
      define(24, "TIMEOUT_PERIOD_FOR_LIVENESS_CHECK");

  /** A DNS domain name for split DNS (RFC 8598). */
  public static final ConfigAttributeType INTERNAL_DNS_DOMAIN = define(25, "INTERNAL_DNS_DOMAIN");

  /** A DNSSEC trust anchor for a split domain (RFC 8598). */
  public static final ConfigAttributeType INTERNAL_DNSSEC_TA = define(26, "INTERNAL_DNSSEC_TA");

  /** RFC 9464. */
  public static final ConfigAttributeType ENCDNS_IP4 = define(27, "ENCDNS_IP4");

  /** RFC 9464. */
  public static final ConfigAttributeType ENCDNS_IP6 = define(28, "ENCDNS_IP6");

  /** RFC 9464. */
  public static final ConfigAttributeType ENCDNS_DIGEST_INFO = define(29, "ENCDNS_DIGEST_INFO");

  /** Largest value the wire field can carry (15 bits). */
  static final int MAX_VALUE = 32767;

  private ConfigAttributeType(int value, String name) {
    super(value, name);
  }

  private static ConfigAttributeType define(int value, String name) {
    return register(KNOWN, new ConfigAttributeType(value, name));
  }

  /** The constant for {@code value}, or a new unknown value; never fails. */
  public static ConfigAttributeType valueOf(int value) {
    ConfigAttributeType known = KNOWN.get(value);
    return known != null ? known : new ConfigAttributeType(value, null);
  }
}
