package dev.fulmar.core.ike.eap;

import java.util.Arrays;
import java.util.Objects;

/**
 * An EAP packet (RFC 3748 §4), as carried in the IKEv2 EAP payload (RFC 7296 §3.16).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Code      |  Identifier   |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |  Type-Data ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * <p>Request (1) and Response (2) carry a Type; Success (3) and Failure (4) carry nothing.
 * Octets beyond Length are padding and ignored (RFC 3748 §4).
 *
 * @param code the Code
 * @param identifier the Identifier (0..255)
 * @param type the Type of a Request/Response, {@code null} for Success/Failure
 * @param typeData the Type-Data (empty for Success/Failure)
 */
public record EapPacket(int code, int identifier, EapType type, byte[] typeData) {

  /** Request. */
  public static final int REQUEST = 1;
  /** Response. */
  public static final int RESPONSE = 2;
  /** Success. */
  public static final int SUCCESS = 3;
  /** Failure. */
  public static final int FAILURE = 4;

  /** The largest EAP packet: Length is 16 bits. */
  public static final int MAX_LENGTH = 0xffff;

  /** Checks ranges and copies the type data. */
  public EapPacket {
    if (code < 0 || code > 255 || identifier < 0 || identifier > 255) {
      throw new IllegalArgumentException("code/identifier out of range");
    }
    typeData = typeData == null ? new byte[0] : typeData.clone();
    if (hasType(code)) {
      Objects.requireNonNull(type, "a Request/Response needs a type");
      if (5 + typeData.length > MAX_LENGTH) {
        throw new IllegalArgumentException("EAP packet longer than 65535 bytes");
      }
    }
  }

  /** A Response to {@code identifier}. */
  public static EapPacket response(int identifier, EapType type, byte[] typeData) {
    return new EapPacket(RESPONSE, identifier, type, typeData);
  }

  private static boolean hasType(int code) {
    return code == REQUEST || code == RESPONSE;
  }

  /**
   * Decodes a packet.
   *
   * @throws EapFormatException for a packet shorter than its header or its Length, a Length
   *     under 4, a Request/Response without a Type, or an unknown Code
   */
  public static EapPacket decode(byte[] in) throws EapFormatException {
    if (in.length < 4) {
      throw new EapFormatException("EAP packet of " + in.length + " bytes is shorter than the"
          + " 4-byte header");
    }
    int code = in[0] & 0xff;
    int id = in[1] & 0xff;
    int length = ((in[2] & 0xff) << 8) | (in[3] & 0xff);
    if (length < 4 || length > in.length) {
      throw new EapFormatException("EAP Length " + length + " at offset 2 does not fit the "
          + in.length + " bytes received");
    }
    if (code == SUCCESS || code == FAILURE) {
      return new EapPacket(code, id, null, new byte[0]);
    }
    if (!hasType(code)) {
      throw new EapFormatException("unknown EAP Code " + code + " at offset 0");
    }
    if (length < 5) {
      throw new EapFormatException("EAP " + codeName(code) + " of Length " + length
          + " has no Type at offset 4");
    }
    return new EapPacket(code, id, EapType.valueOf(in[4] & 0xff),
        Arrays.copyOfRange(in, 5, length));
  }

  /** Encodes the packet. */
  public byte[] encode() {
    int length = hasType(code) ? 5 + typeData.length : 4;
    byte[] out = new byte[length];
    out[0] = (byte) code;
    out[1] = (byte) identifier;
    out[2] = (byte) (length >>> 8);
    out[3] = (byte) length;
    if (hasType(code)) {
      out[4] = (byte) type.value();
      System.arraycopy(typeData, 0, out, 5, typeData.length);
    }
    return out;
  }

  /** A copy of the type data. */
  @Override
  public byte[] typeData() {
    return typeData.clone();
  }

  static String codeName(int code) {
    return switch (code) {
      case REQUEST -> "Request";
      case RESPONSE -> "Response";
      case SUCCESS -> "Success";
      case FAILURE -> "Failure";
      default -> "Code " + code;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EapPacket p && p.code == code && p.identifier == identifier
        && Objects.equals(p.type, type) && Arrays.equals(p.typeData, typeData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, identifier, type) * 31 + Arrays.hashCode(typeData);
  }

  @Override
  public String toString() {
    return "EAP-" + codeName(code) + "(id=" + identifier
        + (type != null ? ", " + type + ", " + typeData.length + " bytes" : "") + ")";
  }
}
