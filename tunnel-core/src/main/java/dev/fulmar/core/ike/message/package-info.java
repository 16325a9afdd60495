/**
 * The IKEv2 message codec (RFC 7296 §3, RFC 7383, RFC 9242 §3.3.2): header, one immutable class per
 * payload, open IANA registries, and the encoding and decoding of whole messages, protected or not.
 *
 * <h2>Sending</h2>
 *
 * <pre>{@code
 * // IKE_SA_INIT: HDR, SAi1, KEi, Ni, N(NAT_DETECTION_*) -->
 * IkeMessage init = IkeMessage.of(IkeHeader.request(spiI, 0, ExchangeType.IKE_SA_INIT, 0, true),
 *     SaPayload.of(Proposal.ike(1, transforms)), new KePayload(method, publicValue),
 *     new NoncePayload(ni), NotifyPayload.of(NotifyType.NAT_DETECTION_SOURCE_IP, hash));
 * byte[] datagram = init.encode();
 *
 * // IKE_AUTH: HDR, SK {IDi, AUTH, CP, SAi2, TSi, TSr} -->
 * IkeMessage auth = IkeMessage.protectedMessage(header, List.of(idi, authPayload, cp, sa, tsi, tsr));
 * byte[] one = auth.encode(outboundCipher);                        // or, if too big and
 * List<byte[]> fragments = auth.encodeFragments(outboundCipher, 1228); // fragmentation negotiated
 * }</pre>
 *
 * <h2>Receiving</h2>
 *
 * <pre>{@code
 * IkeHeader h = IkeHeader.peek(datagram);           // find the IKE SA by SPI, check the message ID
 * IkeMessage wire = IkeMessage.decode(datagram);    // clear payloads; SK/SKF opaque and last
 * if (wire.first(EncryptedPayload.class).isPresent()) {
 *   m = IkeMessage.decodeProtected(datagram, inboundCipher);   // HDR, SK {...}
 * } else if (wire.first(EncryptedFragmentPayload.class).isPresent()) {
 *   m = reassembler.add(datagram).orElse(null);   // one FragmentReassembler per message ID
 * } else {
 *   m = wire;                                     // IKE_SA_INIT, or a peer's unprotected error
 * }
 * byte[] intAuthPart = m.intAuthOctets();           // RFC 9242 IntAuth_*A | IntAuth_*P
 * }</pre>
 *
 * <h2>Errors</h2>
 *
 * Malformed input raises {@link dev.fulmar.core.ike.message.IkeProtocolException} (INVALID_SYNTAX
 * with payload, field and offset; INVALID_MAJOR_VERSION; UNSUPPORTED_CRITICAL_PAYLOAD), which can
 * render its own error Notify; a protected payload that does not verify raises {@link
 * dev.fulmar.core.ike.message.IntegrityCheckFailedException} (drop silently). Nothing else escapes
 * a decoder, whatever the input (see {@code DecoderFuzzTest}). Protocol numbers are in {@link
 * dev.fulmar.core.ike.message.IkeSpec}; the bounds we impose are in {@link
 * dev.fulmar.core.ike.message.Limits}.
 */
package dev.fulmar.core.ike.message;
