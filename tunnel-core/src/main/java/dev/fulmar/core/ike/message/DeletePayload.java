package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Delete payload, D (RFC 7296 §3.11): the SAs the sender deleted. For the IKE SA itself the
 * protocol is IKE with SPI size 0 and no SPIs; for Child SAs it lists the sender's inbound SPIs.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Protocol ID   |   SPI Size    |          Num of SPIs          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~               Security Parameter Index(es) (SPI)              ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param protocol the protocol of the deleted SAs
 * @param spiSize the size of each SPI in octets (0 to 8)
 * @param spis the SPIs as unsigned big-endian numbers
 */
public record DeletePayload(ProtocolId protocol, int spiSize, List<Long> spis) implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public DeletePayload {
    Bytes.checkRange(protocol.value(), ProtocolId.MAX_VALUE, "protocol ID");
    Bytes.checkRange(spiSize, 8, "SPI size");
    spis = List.copyOf(spis);
    if (spiSize == 0 && !spis.isEmpty()) {
      throw new IllegalArgumentException("SPIs of size 0");
    }
    Bytes.checkRange(spis.size(), 0xffff, "number of SPIs");
    Bytes.checkBody(FIXED_LENGTH + spiSize * spis.size(), "Delete payload");
  }

  /** Deletion of the IKE SA that protects the message. */
  public static DeletePayload ikeSa() {
    return new DeletePayload(ProtocolId.IKE, 0, List.of());
  }

  /** Deletion of Child SAs by their 4-octet inbound SPIs. */
  public static DeletePayload childSas(ProtocolId protocol, int... spis) {
    List<Long> values = new ArrayList<>();
    for (int spi : spis) {
      values.add(spi & 0xffffffffL);
    }
    return new DeletePayload(protocol, IkeSpec.CHILD_SPI_LENGTH, values);
  }

  @Override
  public PayloadType type() {
    return PayloadType.DELETE;
  }

  @Override
  public int bodyLength() {
    return FIXED_LENGTH + spiSize * spis.size();
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) protocol.value());
    out.put((byte) spiSize);
    out.putShort((short) spis.size());
    for (long spi : spis) {
      for (int shift = 8 * (spiSize - 1); shift >= 0; shift -= 8) {
        out.put((byte) (spi >>> shift));
      }
    }
  }

  static DeletePayload decode(Reader body) throws InvalidSyntaxException {
    ProtocolId protocol = ProtocolId.valueOf(body.u8("Protocol ID"));
    int spiSize = body.u8("SPI Size");
    int count = body.u16("Num of SPIs");
    if (spiSize > 8 || (spiSize == 0 && count > 0)) {
      throw body.error("SPI Size %d with %d SPIs", spiSize, count);
    }
    if (count > Limits.MAX_DELETE_SPIS) {
      throw body.error("%d SPIs, more than %d", count, Limits.MAX_DELETE_SPIS);
    }
    if (body.remaining() != spiSize * count) {
      throw body.error(
          "%d SPIs of %d octets need %d octets, the payload has %d",
          count, spiSize, spiSize * count, body.remaining());
    }
    List<Long> spis = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long spi = 0;
      for (int j = 0; j < spiSize; j++) {
        spi = (spi << 8) | body.u8("SPI");
      }
      spis.add(spi);
    }
    return new DeletePayload(protocol, spiSize, spis);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("D(").append(protocol);
    for (long spi : spis) {
      s.append(' ').append(String.format("%0" + (2 * spiSize) + "x", spi));
    }
    return s.append(')').toString();
  }
}
