package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/** Decoding of datagrams into {@link IkeMessage}s; see there for the contract. */
final class MessageDecoder {

  private MessageDecoder() {}

  /**
   * A datagram decoded up to its (opaque) SK/SKF payload, with the offsets needed to open it.
   *
   * @param datagram the datagram (not copied)
   * @param message the wire view
   * @param chain the decoded outer chain with the SK/SKF and last-clear-payload offsets
   */
  record Wire(byte[] datagram, IkeMessage message, PayloadChain.Decoded chain) {

    /** The SK or SKF payload, or null. */
    Payload protectedPayload() {
      return chain.protectedOffset() < 0 ? null : chain.payloads().get(chain.payloads().size() - 1);
    }

    /** The unencrypted payloads in front of SK/SKF. */
    List<Payload> clearPayloads() {
      List<Payload> all = chain.payloads();
      return chain.protectedOffset() < 0 ? all : all.subList(0, all.size() - 1);
    }

    /** Offset of the SK/SKF body (IV onwards). */
    int bodyOffset() {
      return chain.protectedOffset()
          + IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH
          + (protectedPayload() instanceof EncryptedFragmentPayload
              ? IkeSpec.FRAGMENT_FIELDS_LENGTH
              : 0);
    }

    /** Verifies and decrypts the SK/SKF body with {@code cipher.open(prefix, body)}. */
    byte[] open(SkCipher cipher) throws IntegrityCheckFailedException {
      int bodyOffset = bodyOffset();
      int bodyLength = datagram.length - bodyOffset;
      String what = protectedPayload().type() + " payload";
      if (bodyLength < cipher.minimumSealedLength()) {
        throw new IntegrityCheckFailedException(
            what
                + " body of "
                + bodyLength
                + " octets is shorter than the "
                + cipher.minimumSealedLength()
                + " the cipher needs");
      }
      try {
        return cipher.open(
            Arrays.copyOf(datagram, bodyOffset),
            Arrays.copyOfRange(datagram, bodyOffset, datagram.length));
      } catch (GeneralSecurityException e) {
        throw new IntegrityCheckFailedException(
            what + " of " + message.header() + " did not verify: " + e.getClass().getSimpleName(),
            e);
      }
    }

    /** {@code IntAuth_*A | IntAuth_*P} for this datagram's header and clear payloads. */
    byte[] intAuth(PayloadType firstInner, byte[] plaintext) {
      int clearEnd = chain.protectedOffset();
      byte[] clear = Arrays.copyOfRange(datagram, IkeSpec.HEADER_LENGTH, clearEnd);
      int last = chain.lastClearOffset() < 0 ? -1 : chain.lastClearOffset() - IkeSpec.HEADER_LENGTH;
      return IntAuthOctets.build(
          datagram, clear, last, datagram[clearEnd + 1] & 0xff, firstInner, plaintext);
    }
  }

  static Wire decodeWire(byte[] datagram) throws IkeProtocolException {
    Reader r = Reader.of(datagram, "IKE message");
    if (datagram.length > Limits.MAX_MESSAGE_LENGTH) {
      throw r.error(
          "message of %d octets exceeds the limit of %d",
          datagram.length, Limits.MAX_MESSAGE_LENGTH);
    }
    IkeHeader.Wire h = IkeHeader.decode(r);
    if (h.length() != datagram.length) {
      throw new InvalidSyntaxException(
          "IKE header: Length field says "
              + h.length()
              + " octets, the datagram has "
              + datagram.length);
    }
    PayloadChain.Decoded chain = PayloadChain.decodeOuter(r, h.firstPayload());
    IkeMessage message = IkeMessage.of(h.header(), chain.payloads());
    return new Wire(datagram, message, chain);
  }

  static IkeMessage decodeProtected(byte[] datagram, SkCipher cipher)
      throws IkeProtocolException, IntegrityCheckFailedException {
    Wire w = decodeWire(datagram);
    if (!(w.protectedPayload() instanceof EncryptedPayload sk)) {
      throw new InvalidSyntaxException(
          w.message().header()
              + ": expected an Encrypted (SK) "
              + "payload, found "
              + (w.protectedPayload() == null ? "none" : "an SKF fragment"));
    }
    byte[] plaintext = w.open(cipher);
    List<Payload> inner = PayloadChain.decodeInner(plaintext, sk.firstInnerType());
    return new IkeMessage(
        w.message().header(),
        inner,
        true,
        w.clearPayloads(),
        w.intAuth(sk.firstInnerType(), plaintext));
  }
}
