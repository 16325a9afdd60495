package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A transform attribute (RFC 7296 §3.3.5), in the two-octet TV form (Attribute Format bit set) or
 * the variable TLV form. IKEv2 defines only KEY_LENGTH, which is always TV.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |A|       Attribute Type        |    AF=0  Attribute Length     |
 * | |                             |    AF=1  Attribute Value      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   AF=0  Attribute Value                       |
 * |                   AF=1  Not Transmitted                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type the attribute type
 * @param tv whether the attribute uses the TV form (then {@code value} has exactly two octets)
 * @param value the attribute value
 */
public record TransformAttribute(TransformAttributeType type, boolean tv, byte[] value) {

  /** Validates and copies. */
  public TransformAttribute {
    Bytes.checkRange(type.value(), TransformAttributeType.MAX_VALUE, "attribute type");
    value = Bytes.copy(value, "value");
    if (tv && value.length != 2) {
      throw new IllegalArgumentException("a TV attribute has a two-octet value");
    }
    Bytes.checkRange(value.length, 0xffff, "attribute length");
  }

  /** KEY_LENGTH in bits, e.g. 256 for AES-256 (TV form). */
  public static TransformAttribute keyLength(int bits) {
    Bytes.checkRange(bits, 0xffff, "key length");
    return new TransformAttribute(
        TransformAttributeType.KEY_LENGTH, true, new byte[] {(byte) (bits >>> 8), (byte) bits});
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /**
   * The two-octet value of a TV attribute.
   *
   * @throws IllegalStateException for a TLV attribute
   */
  public int intValue() {
    if (!tv) {
      throw new IllegalStateException(type + " is a TLV attribute");
    }
    return ((value[0] & 0xff) << 8) | (value[1] & 0xff);
  }

  int encodedLength() {
    return tv ? 4 : 4 + value.length;
  }

  void encode(ByteBuffer out) {
    if (tv) {
      out.putShort((short) (IkeSpec.ATTRIBUTE_FORMAT_TV | type.value()));
      out.put(value);
    } else {
      out.putShort((short) type.value());
      out.putShort((short) value.length);
      out.put(value);
    }
  }

  static TransformAttribute decode(Reader r) throws InvalidSyntaxException {
    int typeField = r.u16("attribute type");
    TransformAttributeType type = TransformAttributeType.valueOf(typeField & 0x7fff);
    if ((typeField & IkeSpec.ATTRIBUTE_FORMAT_TV) != 0) {
      return new TransformAttribute(type, true, r.bytes(2, "attribute value"));
    }
    int length = r.u16("attribute length");
    return new TransformAttribute(type, false, r.bytes(length, type + " attribute value"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransformAttribute a
        && a.type.equals(type)
        && a.tv == tv
        && Arrays.equals(a.value, value);
  }

  @Override
  public int hashCode() {
    return (type.hashCode() * 31 + Boolean.hashCode(tv)) * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return type + "=" + (tv ? Integer.toString(intValue()) : Bytes.brief(value));
  }
}
