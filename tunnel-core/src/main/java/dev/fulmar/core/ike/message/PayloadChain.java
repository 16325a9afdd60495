package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes a chain of payloads linked by their Next Payload fields (RFC 7296 §3.2).
 *
 * <p>Decoding dispatches on the type announced by the previous Next Payload field: known types are
 * decoded by their class; unknown types are kept as {@link UnknownPayload} unless the critical bit
 * is set (UNSUPPORTED_CRITICAL_PAYLOAD, RFC 7296 §2.5). In an outer chain an SK or SKF payload ends
 * the chain and must be the last octets of the message; inside SK neither may appear.
 */
final class PayloadChain {

  private PayloadChain() {}

  /**
   * A decoded chain.
   *
   * @param payloads the payloads in order (an SK/SKF payload, if any, is last)
   * @param protectedOffset offset of the SK/SKF generic header, or -1 if there is none
   * @param lastClearOffset offset of the generic header of the last payload before SK/SKF, or -1
   */
  record Decoded(List<Payload> payloads, int protectedOffset, int lastClearOffset) {}

  /** Decodes an outer chain (the unencrypted payloads of a message, maybe ending in SK/SKF). */
  static Decoded decodeOuter(Reader r, PayloadType first) throws IkeProtocolException {
    return decode(r, first, true);
  }

  /** Decodes the inner chain of an SK payload or of reassembled SKF fragments. */
  static List<Payload> decodeInner(byte[] plaintext, PayloadType first)
      throws IkeProtocolException {
    return decode(Reader.of(plaintext, "inner payloads"), first, false).payloads();
  }

  private static Decoded decode(Reader r, PayloadType first, boolean outer)
      throws IkeProtocolException {
    List<Payload> payloads = new ArrayList<>();
    PayloadType type = first;
    int lastOffset = -1;
    while (!type.equals(PayloadType.NONE)) {
      if (payloads.size() == Limits.MAX_PAYLOADS) {
        throw r.error("more than %d payloads", Limits.MAX_PAYLOADS);
      }
      int offset = r.offset();
      int next = r.u8(type + " Next Payload");
      boolean critical = (r.u8(type + " flags") & IkeSpec.CRITICAL_BIT) != 0;
      int length = r.u16(type + " Payload Length");
      if (length < IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH) {
        throw r.error("%s Payload Length %d is below the minimum 4", type, length);
      }
      Reader body = r.slice(length - IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH, type + " payload");
      PayloadType nextType = PayloadType.valueOf(next);
      if (type.equals(PayloadType.SK) || type.equals(PayloadType.SKF)) {
        if (!outer) {
          throw r.error("%s payload inside an Encrypted payload", type);
        }
        payloads.add(
            type.equals(PayloadType.SK)
                ? new EncryptedPayload(nextType, body.rest())
                : EncryptedFragmentPayload.decode(nextType, body));
        if (r.remaining() > 0) {
          throw r.error("%d octets after the %s payload, which must be last", r.remaining(), type);
        }
        return new Decoded(payloads, offset, lastOffset);
      }
      payloads.add(decodeOne(type, critical, body));
      lastOffset = offset;
      type = nextType;
    }
    if (r.remaining() > 0) {
      throw r.error("%d octets after the last payload", r.remaining());
    }
    return new Decoded(payloads, -1, lastOffset);
  }

  private static Payload decodeOne(PayloadType type, boolean critical, Reader body)
      throws IkeProtocolException {
    Payload p =
        switch (type.value()) {
          case 33 -> SaPayload.decode(body);
          case 34 -> KePayload.decode(body);
          case 35, 36 -> IdPayload.decode(type, body);
          case 37 -> CertPayload.decode(body);
          case 38 -> CertReqPayload.decode(body);
          case 39 -> AuthPayload.decode(body);
          case 40 -> NoncePayload.decode(body);
          case 41 -> NotifyPayload.decode(body);
          case 42 -> DeletePayload.decode(body);
          case 43 -> new VendorIdPayload(body.rest());
          case 44, 45 -> TsPayload.decode(type, body);
          case 47 -> ConfigPayload.decode(body);
          case 48 -> EapPayload.decode(body);
          default -> null;
        };
    if (p != null) {
      body.expectEnd();
      return p;
    }
    if (critical) {
      throw new UnsupportedCriticalPayloadException(type);
    }
    return new UnknownPayload(type, body.rest());
  }

  /** Total length of the chain: generic headers plus bodies. */
  static int encodedLength(List<? extends Payload> payloads) {
    int length = 0;
    for (Payload p : payloads) {
      length += IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH + p.bodyLength();
    }
    return length;
  }

  /**
   * Writes the chain; the last payload's Next Payload field is {@code after} (NONE, or SK/SKF when
   * an encrypted payload follows the unencrypted ones).
   */
  static void encode(List<? extends Payload> payloads, PayloadType after, ByteBuffer out) {
    for (int i = 0; i < payloads.size(); i++) {
      Payload p = payloads.get(i);
      PayloadType next = nextField(payloads, i, after);
      out.put((byte) next.value());
      out.put((byte) 0);
      out.putShort((short) (IkeSpec.GENERIC_PAYLOAD_HEADER_LENGTH + p.bodyLength()));
      int start = out.position();
      p.encodeBody(out);
      if (out.position() - start != p.bodyLength()) {
        throw new IllegalStateException(
            p.type()
                + " wrote "
                + (out.position() - start)
                + " octets, announced "
                + p.bodyLength());
      }
    }
  }

  /** SK and SKF name their first inner payload; the others name their successor. */
  private static PayloadType nextField(List<? extends Payload> payloads, int i, PayloadType after) {
    Payload p = payloads.get(i);
    if (p instanceof EncryptedPayload sk) {
      return sk.firstInnerType();
    }
    if (p instanceof EncryptedFragmentPayload skf) {
      return skf.firstInnerType();
    }
    return i + 1 < payloads.size() ? payloads.get(i + 1).type() : after;
  }

  /** The chain as bytes, ending with Next Payload NONE. */
  static byte[] encode(List<? extends Payload> payloads) {
    ByteBuffer out = ByteBuffer.allocate(encodedLength(payloads));
    encode(payloads, PayloadType.NONE, out);
    return out.array();
  }
}
