package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Security Association payload (RFC 7296 §3.3): the proposals, most preferred first. An answer
 * carries exactly one proposal, the chosen one, with its original number.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * ~                       &lt;Proposals&gt;                       ~
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Decoding checks every nested length against its container, the Last Substruc fields and the
 * Num Transforms counts (RFC 7296 §3.3: "an implementation MUST check that the total Payload Length
 * is consistent with the payload's internal lengths and counts").
 *
 * @param proposals the proposals in order of preference (at least one)
 */
public record SaPayload(List<Proposal> proposals) implements Payload {

  /** Validates and copies. */
  public SaPayload {
    proposals = List.copyOf(proposals);
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("an SA payload carries at least one proposal");
    }
    int length = 0;
    for (Proposal p : proposals) {
      length += p.encodedLength();
    }
    Bytes.checkBody(length, "SA payload");
  }

  /** An SA payload with {@code proposals} in order of preference. */
  public static SaPayload of(Proposal... proposals) {
    return new SaPayload(List.of(proposals));
  }

  @Override
  public PayloadType type() {
    return PayloadType.SA;
  }

  @Override
  public int bodyLength() {
    int length = 0;
    for (Proposal p : proposals) {
      length += p.encodedLength();
    }
    return length;
  }

  @Override
  public void encodeBody(ByteBuffer out) {
    for (int i = 0; i < proposals.size(); i++) {
      proposals.get(i).encode(out, i == proposals.size() - 1);
    }
  }

  static SaPayload decode(Reader body) throws InvalidSyntaxException {
    if (body.remaining() == 0) {
      throw body.error("no proposal");
    }
    List<Proposal> proposals = new ArrayList<>();
    while (body.remaining() > 0) {
      if (proposals.size() == Limits.MAX_PROPOSALS) {
        throw body.error("more than %d proposals", Limits.MAX_PROPOSALS);
      }
      proposals.add(Proposal.decode(body, proposals.size() + 1));
    }
    return new SaPayload(proposals);
  }

  @Override
  public String toString() {
    return "SA" + proposals;
  }
}
