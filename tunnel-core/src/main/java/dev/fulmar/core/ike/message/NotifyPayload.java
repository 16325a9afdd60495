package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Notify payload, N (RFC 7296 §3.10): an error or a status, optionally about one SA (then it
 * carries the protocol and SPI of that SA).
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Protocol ID  |   SPI Size    |      Notify Message Type      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                Security Parameter Index (SPI)                 ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                       Notification Data                       ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param protocol the protocol of the SA the notify is about, {@link ProtocolId#NONE} if no SPI
 * @param spi the SPI of that SA, empty if none
 * @param notifyType the notify message type
 * @param data the notification data
 */
public record NotifyPayload(ProtocolId protocol, byte[] spi, NotifyType notifyType, byte[] data)
    implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public NotifyPayload {
    Bytes.checkRange(protocol.value(), ProtocolId.MAX_VALUE, "protocol ID");
    Bytes.checkRange(notifyType.value(), NotifyType.MAX_VALUE, "notify type");
    spi = Bytes.copy(spi, "spi");
    data = Bytes.copy(data, "data");
    Bytes.checkRange(spi.length, 0xff, "SPI size");
    Bytes.checkBody(FIXED_LENGTH + spi.length + data.length, "Notify payload");
  }

  /** A notify without SPI and without data, e.g. {@code N(INITIAL_CONTACT)}. */
  public static NotifyPayload of(NotifyType type) {
    return of(type, new byte[0]);
  }

  /** A notify without SPI, e.g. {@code N(NAT_DETECTION_SOURCE_IP, hash)}. */
  public static NotifyPayload of(NotifyType type, byte[] data) {
    return new NotifyPayload(ProtocolId.NONE, new byte[0], type, data);
  }

  /** A notify about the Child SA with the 4-octet {@code spi}, e.g. {@code N(REKEY_SA)}. */
  public static NotifyPayload forChildSa(
      NotifyType type, ProtocolId protocol, int spi, byte[] data) {
    return new NotifyPayload(protocol, ByteBuffer.allocate(4).putInt(spi).array(), type, data);
  }

  @Override
  public byte[] spi() {
    return spi.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Whether this notify reports an error (type below 16384, RFC 7296 §3.10.1). */
  public boolean isError() {
    return notifyType.isError();
  }

  @Override
  public PayloadType type() {
    return PayloadType.NOTIFY;
  }

  @Override
  public int bodyLength() {
    return FIXED_LENGTH + spi.length + data.length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) protocol.value());
    out.put((byte) spi.length);
    out.putShort((short) notifyType.value());
    out.put(spi);
    out.put(data);
  }

  static NotifyPayload decode(Reader body) throws InvalidSyntaxException {
    ProtocolId protocol = ProtocolId.valueOf(body.u8("Protocol ID"));
    int spiSize = body.u8("SPI Size");
    NotifyType type = NotifyType.valueOf(body.u16("Notify Message Type"));
    byte[] spi = body.bytes(spiSize, type + " SPI");
    return new NotifyPayload(protocol, spi, type, body.rest());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NotifyPayload n
        && n.protocol.equals(protocol)
        && Arrays.equals(n.spi, spi)
        && n.notifyType.equals(notifyType)
        && Arrays.equals(n.data, data);
  }

  @Override
  public int hashCode() {
    int h = protocol.hashCode() * 31 + Arrays.hashCode(spi);
    return (h * 31 + notifyType.hashCode()) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("N(").append(notifyType);
    if (spi.length > 0) {
      s.append(", ").append(protocol).append(" spi=").append(Bytes.brief(spi));
    }
    if (data.length > 0) {
      s.append(", ").append(Bytes.brief(data));
    }
    return s.append(')').toString();
  }
}
