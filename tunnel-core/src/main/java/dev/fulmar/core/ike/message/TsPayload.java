package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Traffic Selector payload, TSi or TSr (RFC 7296 §3.13): the traffic a Child SA carries.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Number of TSs |                 RESERVED                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                    &lt;Traffic Selectors&gt;                  ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param initiator true for TSi, false for TSr
 * @param selectors the selectors, in order (at least one)
 */
public record TsPayload(boolean initiator, List<TrafficSelector> selectors) implements Payload {

  private static final int FIXED_LENGTH = 4;

  /** Validates and copies. */
  public TsPayload {
    selectors = List.copyOf(selectors);
    if (selectors.isEmpty() || selectors.size() > 0xff) {
      throw new IllegalArgumentException("a TS payload carries 1 to 255 selectors");
    }
  }

  /** A TSi ({@code initiator}) or TSr payload with {@code selectors}. */
  public static TsPayload of(boolean initiator, TrafficSelector... selectors) {
    return new TsPayload(initiator, List.of(selectors));
  }

  @Override
  public PayloadType type() {
    return initiator ? PayloadType.TSI : PayloadType.TSR;
  }

  @Override
  public int bodyLength() {
    int length = FIXED_LENGTH;
    for (TrafficSelector ts : selectors) {
      length += ts.encodedLength();
    }
    return length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    out.put((byte) selectors.size());
    out.put(new byte[3]);
    for (TrafficSelector ts : selectors) {
      ts.encode(out);
    }
  }

  static TsPayload decode(PayloadType type, Reader body) throws InvalidSyntaxException {
    int count = body.u8("Number of TSs");
    body.bytes(3, "RESERVED");
    if (count == 0 || count > Limits.MAX_TRAFFIC_SELECTORS) {
      throw body.error("Number of TSs %d, must be 1 to %d", count, Limits.MAX_TRAFFIC_SELECTORS);
    }
    List<TrafficSelector> selectors = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      selectors.add(TrafficSelector.decode(body, i));
    }
    return new TsPayload(type.equals(PayloadType.TSI), selectors);
  }

  @Override
  public String toString() {
    return type() + selectors.toString();
  }
}
