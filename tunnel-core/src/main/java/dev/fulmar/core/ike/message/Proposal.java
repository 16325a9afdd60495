package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A proposal substructure of an SA payload (RFC 7296 §3.3.1): one protocol (IKE, ESP or AH), its
 * SPI and the transforms offered for it.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Last Substruc |   RESERVED    |         Proposal Length       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Proposal Num  |  Protocol ID  |    SPI Size   |Num  Transforms|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                        SPI (variable)                         ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                     &lt;Transforms&gt;                        ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param number the Proposal Num (the first proposal is 1; an answer repeats the chosen number)
 * @param protocol the protocol ID
 * @param spi the SPI: empty in IKE_SA_INIT, 8 octets for an IKE rekey, 4 for ESP and AH
 * @param transforms the transforms, in order
 */
public record Proposal(int number, ProtocolId protocol, byte[] spi, List<Transform> transforms) {

  /** Last Substruc value of a proposal that is followed by another one. */
  static final int MORE = 2;

  private static final int FIXED_LENGTH = 8;

  /** Validates and copies. */
  public Proposal {
    Bytes.checkRange(number, 0xff, "proposal number");
    Bytes.checkRange(protocol.value(), ProtocolId.MAX_VALUE, "protocol ID");
    spi = Bytes.copy(spi, "spi");
    Bytes.checkRange(spi.length, 0xff, "SPI size");
    transforms = List.copyOf(transforms);
    Bytes.checkRange(transforms.size(), 0xff, "number of transforms");
  }

  /** An IKE proposal without SPI, as in IKE_SA_INIT (RFC 7296 §3.3.1). */
  public static Proposal ike(int number, List<Transform> transforms) {
    return new Proposal(number, ProtocolId.IKE, new byte[0], transforms);
  }

  /** An IKE proposal with the new 8-octet SPI, as in an IKE SA rekey (RFC 7296 §1.3.2). */
  public static Proposal ikeRekey(int number, long spi, List<Transform> transforms) {
    return new Proposal(
        number, ProtocolId.IKE, ByteBuffer.allocate(8).putLong(spi).array(), transforms);
  }

  /** An ESP proposal with the inbound 4-octet SPI the sender chose. */
  public static Proposal esp(int number, int spi, List<Transform> transforms) {
    return new Proposal(
        number, ProtocolId.ESP, ByteBuffer.allocate(4).putInt(spi).array(), transforms);
  }

  @Override
  public byte[] spi() {
    return spi.clone();
  }

  /** The SPI as an unsigned big-endian number (0 when empty). */
  public long spiValue() {
    long v = 0;
    for (int i = Math.max(0, spi.length - 8); i < spi.length; i++) {
      v = (v << 8) | (spi[i] & 0xff);
    }
    return v;
  }

  /** The transforms of one type, in order. */
  public List<Transform> transforms(TransformType type) {
    return transforms.stream().filter(t -> t.type().equals(type)).toList();
  }

  int encodedLength() {
    int length = FIXED_LENGTH + spi.length;
    for (Transform t : transforms) {
      length += t.encodedLength();
    }
    return length;
  }

  void encode(ByteBuffer out, boolean last) {
    Substructure.writeHeader(out, last, MORE, encodedLength());
    out.put((byte) number);
    out.put((byte) protocol.value());
    out.put((byte) spi.length);
    out.put((byte) transforms.size());
    out.put(spi);
    for (int i = 0; i < transforms.size(); i++) {
      transforms.get(i).encode(out, i == transforms.size() - 1);
    }
  }

  /** Decodes the {@code index}-th proposal (from 1) of an SA payload. */
  static Proposal decode(Reader r, int index) throws InvalidSyntaxException {
    String where = "proposal " + index;
    Substructure.Header header = Substructure.read(r, where, "Proposal Length", FIXED_LENGTH);
    Reader body = header.body();
    int number = body.u8("Proposal Num");
    ProtocolId protocol = ProtocolId.valueOf(body.u8("Protocol ID"));
    int spiSize = body.u8("SPI Size");
    int count = body.u8("Num Transforms");
    byte[] spi = body.bytes(spiSize, where + " SPI");
    List<Transform> transforms = new ArrayList<>();
    while (body.remaining() > 0) {
      if (transforms.size() == Limits.MAX_TRANSFORMS) {
        throw body.error("more than %d transforms", Limits.MAX_TRANSFORMS);
      }
      transforms.add(Transform.decode(body, where + " transform " + (transforms.size() + 1)));
    }
    if (transforms.size() != count) {
      throw body.error(
          "%s says it has %d transforms but carries %d", where, count, transforms.size());
    }
    Substructure.checkLast(r, header.lastSubstruc(), MORE, where, "proposals");
    return new Proposal(number, protocol, spi, transforms);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Proposal p
        && p.number == number
        && p.protocol.equals(protocol)
        && Arrays.equals(p.spi, spi)
        && p.transforms.equals(transforms);
  }

  @Override
  public int hashCode() {
    return ((number * 31 + protocol.hashCode()) * 31 + Arrays.hashCode(spi)) * 31
        + transforms.hashCode();
  }

  @Override
  public String toString() {
    String s = "#" + number + " " + protocol;
    if (spi.length > 0) {
      s += " spi=" + Bytes.brief(spi);
    }
    return s + " " + transforms;
  }
}
