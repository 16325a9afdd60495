package dev.fulmar.core.ike.message;

/**
 * Numbers that the IKEv2 specifications fix (RFC 7296, RFC 7383): field sizes, flag bits and
 * ranges. Limits this implementation chooses for itself live in {@link Limits}.
 */
public final class IkeSpec {

  /** Length of the fixed IKE header (RFC 7296 §3.1). */
  public static final int HEADER_LENGTH = 28;

  /** Length of the generic payload header (RFC 7296 §3.2). */
  public static final int GENERIC_PAYLOAD_HEADER_LENGTH = 4;

  /** Length of the Fragment Number and Total Fragments fields of SKF (RFC 7383 §2.5). */
  public static final int FRAGMENT_FIELDS_LENGTH = 4;

  /**
   * Non-ESP marker in front of IKE messages on port 4500 (RFC 3948 §2.2); the transport strips it.
   */
  public static final int NON_ESP_MARKER_LENGTH = 4;

  /** The only major version we speak (RFC 7296 §3.1). */
  public static final int MAJOR_VERSION = 2;

  /** The minor version we send; received minor versions are ignored (RFC 7296 §3.1). */
  public static final int MINOR_VERSION = 0;

  /** Header flag: the sender is the original initiator of the IKE SA (RFC 7296 §3.1). */
  public static final int FLAG_INITIATOR = 0x08;

  /** Header flag: the sender can speak a higher major version (RFC 7296 §3.1). */
  public static final int FLAG_VERSION = 0x10;

  /** Header flag: this message is a response (RFC 7296 §3.1). */
  public static final int FLAG_RESPONSE = 0x20;

  /** Critical bit in the generic payload header (RFC 7296 §3.2). */
  public static final int CRITICAL_BIT = 0x80;

  /** Attribute Format bit of a transform attribute: set for the fixed two-octet TV form. */
  public static final int ATTRIBUTE_FORMAT_TV = 0x8000;

  /** Length of an IKE SA SPI (RFC 7296 §3.1). */
  public static final int IKE_SPI_LENGTH = 8;

  /** Length of an ESP or AH SPI (RFC 7296 §3.3.1). */
  public static final int CHILD_SPI_LENGTH = 4;

  /** Smallest nonce (RFC 7296 §3.9). */
  public static final int MIN_NONCE_LENGTH = 16;

  /** Largest nonce (RFC 7296 §3.9). */
  public static final int MAX_NONCE_LENGTH = 256;

  /** Selector Length of a TS_IPV4_ADDR_RANGE selector (RFC 7296 §3.13.1). */
  public static final int TS_IPV4_LENGTH = 16;

  /** Selector Length of a TS_IPV6_ADDR_RANGE selector (RFC 7296 §3.13.1). */
  public static final int TS_IPV6_LENGTH = 40;

  /** Largest value of a 16-bit length field, e.g. a payload's. */
  public static final int MAX_PAYLOAD_LENGTH = 0xffff;

  private IkeSpec() {}
}
