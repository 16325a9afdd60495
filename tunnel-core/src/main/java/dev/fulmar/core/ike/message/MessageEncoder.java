package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Encoding of {@link IkeMessage}s: in the clear, sealed in one SK payload, or split into SKF
 * fragments (RFC 7383 §2.5). Lengths are computed before the header is written, so the prefix
 * handed to {@link SkCipher#seal} is final.
 */
final class MessageEncoder {

  private static final int SK_HEADER = IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH;
  private static final int SKF_HEADER = SK_HEADER + IkeSpec.FRAGMENT_FIELDS_LENGTH;

  private MessageEncoder() {}

  static byte[] encodeClear(IkeMessage m) {
    List<Payload> payloads = m.payloads();
    int total = checkedTotal(IkeSpec.HEADER_LENGTH + PayloadChain.encodedLength(payloads));
    ByteBuffer out = ByteBuffer.allocate(total);
    m.header().encode(out, firstType(payloads), total);
    PayloadChain.encode(payloads, PayloadType.NONE, out);
    return out.array();
  }

  static byte[] encodeProtected(IkeMessage m, SkCipher cipher) throws GeneralSecurityException {
    byte[] plaintext = PayloadChain.encode(m.payloads());
    int sealedLength = cipher.sealedLength(plaintext.length);
    List<Payload> clear = m.unprotectedPayloads();
    int prefixLength = IkeSpec.HEADER_LENGTH + PayloadChain.encodedLength(clear) + SK_HEADER;
    int total = checkedTotal(prefixLength + (long) sealedLength);
    ByteBuffer prefix = ByteBuffer.allocate(prefixLength);
    m.header().encode(prefix, clear.isEmpty() ? PayloadType.SK : clear.get(0).type(), total);
    PayloadChain.encode(clear, PayloadType.SK, prefix);
    prefix.put((byte) firstType(m.payloads()).value());
    prefix.put((byte) 0);
    prefix.putShort((short) (SK_HEADER + sealedLength));
    return seal(cipher, prefix.array(), plaintext, sealedLength);
  }

  static List<byte[]> encodeFragments(IkeMessage m, SkCipher cipher, int maxDatagramLength)
      throws GeneralSecurityException {
    byte[] plaintext = PayloadChain.encode(m.payloads());
    List<Payload> clear = m.unprotectedPayloads();
    int overhead = IkeSpec.HEADER_LENGTH + PayloadChain.encodedLength(clear) + SKF_HEADER;
    int chunk =
        largestChunk(cipher, Math.min(maxDatagramLength, Limits.MAX_MESSAGE_LENGTH) - overhead);
    if (chunk < 1) {
      throw new IllegalArgumentException(
          "a fragment of at most "
              + maxDatagramLength
              + " octets has no room for content after "
              + overhead
              + " octets of headers");
    }
    int total = Math.max(1, (plaintext.length + chunk - 1) / chunk);
    if (total > Limits.MAX_FRAGMENTS) {
      throw new IllegalArgumentException(
          plaintext.length
              + " octets need "
              + total
              + " fragments of "
              + maxDatagramLength
              + ", more than "
              + Limits.MAX_FRAGMENTS);
    }
    List<byte[]> fragments = new ArrayList<>(total);
    for (int number = 1; number <= total; number++) {
      byte[] piece =
          Arrays.copyOfRange(
              plaintext, (number - 1) * chunk, Math.min(plaintext.length, number * chunk));
      List<Payload> clearHere = number == 1 ? clear : List.of();
      PayloadType next = number == 1 ? firstType(m.payloads()) : PayloadType.NONE;
      fragments.add(encodeFragment(m.header(), clearHere, next, number, total, piece, cipher));
    }
    return fragments;
  }

  private static byte[] encodeFragment(
      IkeHeader header,
      List<Payload> clear,
      PayloadType next,
      int number,
      int total,
      byte[] piece,
      SkCipher cipher)
      throws GeneralSecurityException {
    int sealedLength = cipher.sealedLength(piece.length);
    int prefixLength = IkeSpec.HEADER_LENGTH + PayloadChain.encodedLength(clear) + SKF_HEADER;
    int length = checkedTotal(prefixLength + (long) sealedLength);
    ByteBuffer prefix = ByteBuffer.allocate(prefixLength);
    header.encode(prefix, clear.isEmpty() ? PayloadType.SKF : clear.get(0).type(), length);
    PayloadChain.encode(clear, PayloadType.SKF, prefix);
    prefix.put((byte) next.value());
    prefix.put((byte) 0);
    prefix.putShort((short) (SKF_HEADER + sealedLength));
    prefix.putShort((short) number);
    prefix.putShort((short) total);
    return seal(cipher, prefix.array(), piece, sealedLength);
  }

  /**
   * {@code IntAuth_*A | IntAuth_*P} of a message we send (see {@link IkeMessage#intAuthOctets}).
   */
  static byte[] intAuthOctets(IkeMessage m) {
    List<Payload> clear = m.unprotectedPayloads();
    ByteBuffer header = ByteBuffer.allocate(IkeSpec.HEADER_LENGTH);
    m.header().encode(header, clear.isEmpty() ? PayloadType.SK : clear.get(0).type(), 0);
    ByteBuffer clearOut = ByteBuffer.allocate(PayloadChain.encodedLength(clear));
    PayloadChain.encode(clear, PayloadType.SK, clearOut);
    int last =
        clear.isEmpty() ? -1 : PayloadChain.encodedLength(clear.subList(0, clear.size() - 1));
    return IntAuthOctets.build(
        header.array(),
        clearOut.array(),
        last,
        0,
        firstType(m.payloads()),
        PayloadChain.encode(m.payloads()));
  }

  /** The largest plaintext whose sealed form fits in {@code budget} octets (0 if none does). */
  private static int largestChunk(SkCipher cipher, int budget) {
    int low = 0;
    int high = Math.max(0, budget);
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (cipher.sealedLength(mid) <= budget) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private static byte[] seal(SkCipher cipher, byte[] prefix, byte[] plaintext, int sealedLength)
      throws GeneralSecurityException {
    byte[] body = cipher.seal(prefix, plaintext);
    if (body.length != sealedLength) {
      throw new IllegalStateException(
          "cipher sealed " + body.length + " octets, announced " + sealedLength);
    }
    byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  private static PayloadType firstType(List<Payload> payloads) {
    return payloads.isEmpty() ? PayloadType.NONE : payloads.get(0).type();
  }

  private static int checkedTotal(long total) {
    if (total > Limits.MAX_MESSAGE_LENGTH) {
      throw new IllegalStateException(
          "message of "
              + total
              + " octets exceeds the limit of "
              + Limits.MAX_MESSAGE_LENGTH
              + "; fragment it (RFC 7383)");
    }
    return (int) total;
  }
}
