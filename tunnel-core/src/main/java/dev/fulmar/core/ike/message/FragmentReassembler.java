package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Reassembles one fragmented protected message (RFC 7383 §2.6) from its SKF datagrams, in any order
 * and with duplicates. Use one instance per message ID and direction; not thread-safe (it lives on
 * the session's event loop).
 *
 * <p>Rules, in the order they are applied to each datagram:
 *
 * <ol>
 *   <li>The datagram must decode and carry an SKF payload, and belong to the same message (SPIs,
 *       exchange type, message ID, response flag) as the first fragment accepted; else
 *       INVALID_SYNTAX. Total Fragments above {@link Limits#MAX_FRAGMENTS} is INVALID_SYNTAX too.
 *   <li>After the message is complete, further fragments (retransmissions) are ignored.
 *   <li>A fragment with a smaller Total Fragments than the fragments being reassembled is stale
 *       (sent before the peer re-fragmented for a smaller PMTU) and is ignored (RFC 7383 §2.5.2,
 *       §2.6).
 *   <li>A fragment number already held is a duplicate and is ignored, before any decryption.
 *   <li>Every other fragment is verified with {@link SkCipher#open} before it is kept (RFC 7383
 *       §2.6); one that does not verify raises {@link IntegrityCheckFailedException} and changes
 *       nothing.
 *   <li>A verified fragment with a greater Total Fragments discards everything held and starts over
 *       with it (RFC 7383 §2.6: the peer re-fragmented).
 *   <li>If the content held exceeds {@link Limits#MAX_REASSEMBLED_LENGTH}, everything is discarded
 *       and INVALID_SYNTAX raised.
 * </ol>
 *
 * <p>The reassembler has no clock: the engine drops it with the exchange (when the request is
 * answered or retransmission gives up), which bounds how long fragments are held.
 *
 * <p>When the last missing fragment arrives, the inner payloads are decoded (with the first inner
 * payload type from fragment 1) and the message is returned, with unprotected payloads taken from
 * fragment 1 and {@link IkeMessage#intAuthOctets()} computed as if unfragmented.
 */
public final class FragmentReassembler {

  private final SkCipher cipher;
  private IkeHeader header;
  private byte[][] pieces;
  private int received;
  private int heldLength;
  private MessageDecoder.Wire first;
  private boolean complete;

  /** A reassembler that verifies fragments with {@code cipher} (the IKE SA's inbound cipher). */
  public FragmentReassembler(SkCipher cipher) {
    this.cipher = cipher;
  }

  /**
   * Adds one datagram.
   *
   * @return the reassembled message once all fragments are in, otherwise empty
   * @throws IkeProtocolException if the datagram is malformed or breaks a rule above
   * @throws IntegrityCheckFailedException if the fragment does not verify
   */
  public Optional<IkeMessage> add(byte[] datagram)
      throws IkeProtocolException, IntegrityCheckFailedException {
    MessageDecoder.Wire w = MessageDecoder.decodeWire(datagram);
    if (!(w.protectedPayload() instanceof EncryptedFragmentPayload skf)) {
      throw new InvalidSyntaxException(w.message().header() + ": not an SKF fragment");
    }
    checkSameMessage(w.message().header());
    int total = skf.totalFragments();
    if (total > Limits.MAX_FRAGMENTS) {
      throw new InvalidSyntaxException(
          w.message().header() + ": " + total + " fragments, more than " + Limits.MAX_FRAGMENTS);
    }
    if (complete
        || (pieces != null
            && (total < pieces.length
                || (total == pieces.length && pieces[skf.fragmentNumber() - 1] != null)))) {
      return Optional.empty();
    }
    byte[] plaintext = w.open(cipher);
    if (pieces == null || total > pieces.length) {
      reset(total);
    }
    header = w.message().header();
    pieces[skf.fragmentNumber() - 1] = plaintext;
    received++;
    heldLength += plaintext.length;
    if (skf.fragmentNumber() == 1) {
      first = w;
    }
    if (heldLength > Limits.MAX_REASSEMBLED_LENGTH) {
      reset(0);
      throw new InvalidSyntaxException(
          header + ": fragments hold more than " + Limits.MAX_REASSEMBLED_LENGTH + " octets");
    }
    return received == pieces.length ? Optional.of(assemble()) : Optional.empty();
  }

  /** Whether the message has been reassembled. */
  public boolean isComplete() {
    return complete;
  }

  /** How many distinct fragments of the current Total Fragments are held. */
  public int fragmentsReceived() {
    return received;
  }

  /** The Total Fragments of the fragments held, 0 before the first one. */
  public int totalFragments() {
    return pieces == null ? 0 : pieces.length;
  }

  private void checkSameMessage(IkeHeader h) throws InvalidSyntaxException {
    if (header != null
        && (h.initiatorSpi() != header.initiatorSpi()
            || h.responderSpi() != header.responderSpi()
            || !h.exchangeType().equals(header.exchangeType())
            || h.messageId() != header.messageId()
            || h.response() != header.response())) {
      throw new InvalidSyntaxException(
          "fragment of " + h + " given to the reassembler of " + header);
    }
  }

  private void reset(int total) {
    pieces = total == 0 ? null : new byte[total][];
    received = 0;
    heldLength = 0;
    first = null;
  }

  private IkeMessage assemble() throws IkeProtocolException {
    complete = true;
    ByteArrayOutputStream joined = new ByteArrayOutputStream(heldLength);
    for (byte[] piece : pieces) {
      joined.writeBytes(piece);
    }
    byte[] plaintext = joined.toByteArray();
    pieces = new byte[pieces.length][]; // drop the copies; keep the count for late duplicates
    PayloadType firstInner = ((EncryptedFragmentPayload) first.protectedPayload()).firstInnerType();
    List<Payload> inner = PayloadChain.decodeInner(plaintext, firstInner);
    return new IkeMessage(
        first.message().header(),
        inner,
        true,
        first.clearPayloads(),
        first.intAuth(firstInner, plaintext));
  }
}
