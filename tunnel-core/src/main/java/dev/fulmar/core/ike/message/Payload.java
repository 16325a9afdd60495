package dev.fulmar.core.ike.message;

import java.nio.ByteBuffer;

/**
 * One IKEv2 payload (RFC 7296 §3.2): an immutable value that knows its type and can write its body.
 * The generic payload header (Next Payload, critical bit, Payload Length) is written by the chain
 * that holds the payload, because the Next Payload field belongs to the neighbour.
 *
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public sealed interface Payload
    permits SaPayload,
        KePayload,
        IdPayload,
        CertPayload,
        CertReqPayload,
        AuthPayload,
        NoncePayload,
        NotifyPayload,
        DeletePayload,
        VendorIdPayload,
        TsPayload,
        EncryptedPayload,
        EncryptedFragmentPayload,
        ConfigPayload,
        EapPayload,
        UnknownPayload {

  /** The payload type written into the previous Next Payload field. */
  PayloadType type();

  /** Length of the body, i.e. everything after the generic payload header. */
  int bodyLength();

  /** Writes the body ({@link #bodyLength()} octets) at the buffer's position. */
  void encodeBody(ByteBuffer out);
}
