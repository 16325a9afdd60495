package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A transform substructure of a proposal (RFC 7296 §3.3.2): one algorithm of one type, with its
 * attributes (in practice only KEY_LENGTH).
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Last Substruc |   RESERVED    |        Transform Length       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Transform Type |   RESERVED    |          Transform ID         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                      Transform Attributes                     ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param type the transform type (ENCR, PRF, INTEG, KE, ESN, ADDKE1..7, ...)
 * @param id the transform ID, whose registry depends on {@code type} (see {@link #idName()})
 * @param attributes the attributes, in order
 */
public record Transform(TransformType type, int id, List<TransformAttribute> attributes) {

  /** Last Substruc value of a transform that is followed by another one. */
  static final int MORE = 3;

  private static final int FIXED_LENGTH = 8;

  /** Validates and copies. */
  public Transform {
    Bytes.checkRange(type.value(), TransformType.MAX_VALUE, "transform type");
    Bytes.checkRange(id, 0xffff, "transform ID");
    attributes = List.copyOf(attributes);
  }

  /** An encryption transform without attributes (AEADs with a fixed key size, e.g. ChaCha20). */
  public static Transform encryption(EncryptionAlgorithm algorithm) {
    return new Transform(TransformType.ENCR, algorithm.value(), List.of());
  }

  /** An encryption transform with a KEY_LENGTH attribute, e.g. AES-GCM-16 with 256 bits. */
  public static Transform encryption(EncryptionAlgorithm algorithm, int keyLengthBits) {
    return new Transform(
        TransformType.ENCR,
        algorithm.value(),
        List.of(TransformAttribute.keyLength(keyLengthBits)));
  }

  /** A PRF transform. */
  public static Transform prf(PseudorandomFunction prf) {
    return new Transform(TransformType.PRF, prf.value(), List.of());
  }

  /** An integrity transform. */
  public static Transform integrity(IntegrityAlgorithm algorithm) {
    return new Transform(TransformType.INTEG, algorithm.value(), List.of());
  }

  /** A key exchange method transform (type KE). */
  public static Transform keyExchange(KeyExchangeMethod method) {
    return new Transform(TransformType.KE, method.value(), List.of());
  }

  /** An Additional Key Exchange transform {@code ADDKE<index>} (RFC 9370 §2.2), index 1..7. */
  public static Transform additionalKeyExchange(int index, KeyExchangeMethod method) {
    return new Transform(TransformType.additionalKeyExchange(index), method.value(), List.of());
  }

  /** An ESN transform. */
  public static Transform esn(ExtendedSequenceNumbers esn) {
    return new Transform(TransformType.ESN, esn.value(), List.of());
  }

  /** The KEY_LENGTH attribute in bits, if present. */
  public OptionalInt keyLength() {
    for (TransformAttribute a : attributes) {
      if (a.type().equals(TransformAttributeType.KEY_LENGTH) && a.tv()) {
        return OptionalInt.of(a.intValue());
      }
    }
    return OptionalInt.empty();
  }

  /** The IANA name of the transform ID in the registry of its type, e.g. {@code ENCR_AES_CBC}. */
  public String idName() {
    if (type.equals(TransformType.ENCR)) {
      return EncryptionAlgorithm.valueOf(id).toString();
    } else if (type.equals(TransformType.PRF)) {
      return PseudorandomFunction.valueOf(id).toString();
    } else if (type.equals(TransformType.INTEG)) {
      return IntegrityAlgorithm.valueOf(id).toString();
    } else if (type.carriesKeyExchangeMethod()) {
      return KeyExchangeMethod.valueOf(id).toString();
    } else if (type.equals(TransformType.ESN)) {
      return ExtendedSequenceNumbers.valueOf(id).toString();
    }
    return "unknown(" + id + ")";
  }

  int encodedLength() {
    int length = FIXED_LENGTH;
    for (TransformAttribute a : attributes) {
      length += a.encodedLength();
    }
    return length;
  }

  void encode(ByteBuffer out, boolean last) {
    Substructure.writeHeader(out, last, MORE, encodedLength());
    out.put((byte) type.value());
    out.put((byte) 0);
    out.putShort((short) id);
    for (TransformAttribute a : attributes) {
      a.encode(out);
    }
  }

  /** Decodes one transform; {@code where} names it in errors, e.g. "proposal 1 transform 2". */
  static Transform decode(Reader r, String where) throws InvalidSyntaxException {
    Substructure.Header header = Substructure.read(r, where, "Transform Length", FIXED_LENGTH);
    Reader body = header.body();
    TransformType type = TransformType.valueOf(body.u8("Transform Type"));
    body.u8("RESERVED");
    int id = body.u16("Transform ID");
    List<TransformAttribute> attributes = new ArrayList<>();
    while (body.remaining() > 0) {
      if (attributes.size() == Limits.MAX_TRANSFORM_ATTRIBUTES) {
        throw body.error("more than %d attributes", Limits.MAX_TRANSFORM_ATTRIBUTES);
      }
      attributes.add(TransformAttribute.decode(body));
    }
    Substructure.checkLast(r, header.lastSubstruc(), MORE, where, "transforms");
    return new Transform(type, id, attributes);
  }

  @Override
  public String toString() {
    String name = type + ":" + idName();
    return attributes.isEmpty() ? name : name + attributes;
  }
}
