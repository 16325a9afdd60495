package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;

/**
 * The fixed IKE header (RFC 7296 §3.1), without the two fields that the codec computes when it
 * encodes a message: Next Payload and Length.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       IKE SA Initiator's SPI                  |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       IKE SA Responder's SPI                  |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Payload | MjVer | MnVer | Exchange Type |     Flags     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Message ID                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Length                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Flags: |X|X|R|V|I|X|X|X|  (R = response, V = version, I = initiator)
 * </pre>
 *
 * <p>We send version 2.0. A received header with a major version other than 2 is rejected with
 * INVALID_MAJOR_VERSION; the minor version and the reserved flag bits are ignored on receipt.
 *
 * @param initiatorSpi the IKE SA initiator's SPI
 * @param responderSpi the IKE SA responder's SPI (0 in the first IKE_SA_INIT request)
 * @param exchangeType the exchange type
 * @param initiator the I flag: sent by the original initiator of the IKE SA
 * @param response the R flag: this message is a response
 * @param versionFlag the V flag: the sender can speak a higher major version
 * @param messageId the message ID, an unsigned 32-bit number
 */
public record IkeHeader(
    long initiatorSpi,
    long responderSpi,
    ExchangeType exchangeType,
    boolean initiator,
    boolean response,
    boolean versionFlag,
    long messageId) {

  /** Validates. */
  public IkeHeader {
    Bytes.checkRange(exchangeType.value(), ExchangeType.MAX_VALUE, "exchange type");
    if (messageId < 0 || messageId > 0xffffffffL) {
      throw new IllegalArgumentException("message ID must be an unsigned 32-bit value");
    }
  }

  /** A request header; {@code initiator} says whether we are the IKE SA's original initiator. */
  public static IkeHeader request(
      long initiatorSpi, long responderSpi, ExchangeType type, long messageId, boolean initiator) {
    return new IkeHeader(initiatorSpi, responderSpi, type, initiator, false, false, messageId);
  }

  /** The header of the response to {@code request}, sent by the other party. */
  public static IkeHeader responseTo(IkeHeader request) {
    return new IkeHeader(
        request.initiatorSpi,
        request.responderSpi,
        request.exchangeType,
        !request.initiator,
        true,
        false,
        request.messageId);
  }

  /** The same header with another responder SPI (e.g. after the IKE_SA_INIT response). */
  public IkeHeader withResponderSpi(long spi) {
    return new IkeHeader(
        initiatorSpi, spi, exchangeType, initiator, response, versionFlag, messageId);
  }

  /** The same header with another message ID. */
  public IkeHeader withMessageId(long id) {
    return new IkeHeader(
        initiatorSpi, responderSpi, exchangeType, initiator, response, versionFlag, id);
  }

  /**
   * Decodes just the header of a datagram, e.g. to find the IKE SA a message belongs to before
   * decoding the rest.
   *
   * @throws InvalidSyntaxException if the datagram is shorter than a header
   * @throws InvalidMajorVersionException if the major version is not 2
   */
  public static IkeHeader peek(byte[] datagram) throws IkeProtocolException {
    return decode(Reader.of(datagram, "IKE header")).header();
  }

  /**
   * Writes the header with the Next Payload and Length fields the caller computed.
   *
   * @param out the buffer, with at least {@link IkeSpec#HEADER_LENGTH} octets remaining
   */
  public void encode(ByteBuffer out, PayloadType firstPayload, int length) {
    out.putLong(initiatorSpi);
    out.putLong(responderSpi);
    out.put((byte) firstPayload.value());
    out.put((byte) (IkeSpec.MAJOR_VERSION << 4 | IkeSpec.MINOR_VERSION));
    out.put((byte) exchangeType.value());
    out.put((byte) flags());
    out.putInt((int) messageId);
    out.putInt(length);
  }

  private int flags() {
    return (initiator ? IkeSpec.FLAG_INITIATOR : 0)
        | (versionFlag ? IkeSpec.FLAG_VERSION : 0)
        | (response ? IkeSpec.FLAG_RESPONSE : 0);
  }

  /** A decoded header with the two computed fields. */
  record Wire(IkeHeader header, PayloadType firstPayload, long length) {}

  static Wire decode(Reader r) throws IkeProtocolException {
    if (r.remaining() < IkeSpec.HEADER_LENGTH) {
      throw r.error(
          "%d octets, shorter than the %d-octet header", r.remaining(), IkeSpec.HEADER_LENGTH);
    }
    long spiI = r.u64("Initiator's SPI");
    long spiR = r.u64("Responder's SPI");
    PayloadType next = PayloadType.valueOf(r.u8("Next Payload"));
    int major = r.u8("Version") >>> 4;
    if (major != IkeSpec.MAJOR_VERSION) {
      throw new InvalidMajorVersionException(major);
    }
    ExchangeType exchange = ExchangeType.valueOf(r.u8("Exchange Type"));
    int flags = r.u8("Flags");
    long messageId = r.u32("Message ID");
    long length = r.u32("Length");
    IkeHeader header =
        new IkeHeader(
            spiI,
            spiR,
            exchange,
            (flags & IkeSpec.FLAG_INITIATOR) != 0,
            (flags & IkeSpec.FLAG_RESPONSE) != 0,
            (flags & IkeSpec.FLAG_VERSION) != 0,
            messageId);
    return new Wire(header, next, length);
  }

  @Override
  public String toString() {
    return String.format(
        "%s %s #%d %016x:%016x%s%s",
        exchangeType,
        response ? "response" : "request",
        messageId,
        initiatorSpi,
        responderSpi,
        initiator ? " [I]" : "",
        versionFlag ? " [V]" : "");
  }
}
