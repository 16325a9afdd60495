package dev.fulmar.core.ike.message;

import dev.fulmar.core.ike.crypto.SkCipher;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An IKEv2 message (RFC 7296 §3): a header and a chain of payloads, either sent in the clear
 * (IKE_SA_INIT) or protected inside an Encrypted payload (every later exchange).
 *
 * <p>Three views, by how the message was made:
 *
 * <ul>
 *   <li>{@link #of}: an unprotected message; {@link #encode()} writes it as is.
 *   <li>{@link #protectedMessage}: {@link #payloads()} are the inner payloads of SK; {@link
 *       #encode(SkCipher)} seals them, {@link #encodeFragments} splits them into SKF fragments (RFC
 *       7383). {@link #decodeProtected} and {@link FragmentReassembler} give this view back.
 *   <li>{@link #decode}: the wire view of any datagram: the unencrypted payloads, ending in an
 *       opaque {@link EncryptedPayload} or {@link EncryptedFragmentPayload} for protected messages.
 *       Use it to look at a message before choosing how to open it.
 * </ul>
 *
 * <p>Datagrams are IKE messages without the non-ESP marker (the transport strips it on port 4500).
 * Decoding never reads out of bounds and fails only with {@link IkeProtocolException} (malformed
 * input) or {@link IntegrityCheckFailedException} (not authentic); sizes are bounded by {@link
 * Limits}. Instances are immutable.
 */
public final class IkeMessage {

  private final IkeHeader header;
  private final List<Payload> payloads;
  private final boolean encrypted;
  private final List<Payload> unprotectedPayloads;
  private final byte[] receivedIntAuth;

  IkeMessage(
      IkeHeader header,
      List<Payload> payloads,
      boolean encrypted,
      List<Payload> unprotectedPayloads,
      byte[] receivedIntAuth) {
    this.header = Objects.requireNonNull(header, "header");
    this.payloads = List.copyOf(payloads);
    this.encrypted = encrypted;
    this.unprotectedPayloads = List.copyOf(unprotectedPayloads);
    this.receivedIntAuth = receivedIntAuth;
    if (!encrypted && !unprotectedPayloads.isEmpty()) {
      throw new IllegalArgumentException("only a protected message has payloads in front of SK");
    }
    for (Payload p : this.unprotectedPayloads) {
      if (p instanceof EncryptedPayload || p instanceof EncryptedFragmentPayload) {
        throw new IllegalArgumentException("an SK/SKF payload cannot precede the SK payload");
      }
    }
    for (int i = 0; i < this.payloads.size(); i++) {
      Payload p = this.payloads.get(i);
      if (p instanceof EncryptedPayload || p instanceof EncryptedFragmentPayload) {
        if (encrypted) {
          throw new IllegalArgumentException(p.type() + " payload inside an Encrypted payload");
        }
        if (i != this.payloads.size() - 1) {
          throw new IllegalArgumentException(p.type() + " payload must be the last payload");
        }
      }
    }
  }

  /** An unprotected message, e.g. {@code HDR, SAi1, KEi, Ni, N(NAT_DETECTION_*)}. */
  public static IkeMessage of(IkeHeader header, List<Payload> payloads) {
    return new IkeMessage(header, payloads, false, List.of(), null);
  }

  /** An unprotected message. */
  public static IkeMessage of(IkeHeader header, Payload... payloads) {
    return of(header, List.of(payloads));
  }

  /** A protected message {@code HDR, SK {payloads}}; may be empty (a liveness check). */
  public static IkeMessage protectedMessage(IkeHeader header, List<Payload> innerPayloads) {
    return new IkeMessage(header, innerPayloads, true, List.of(), null);
  }

  /**
   * A protected message with unencrypted payloads in front of SK: {@code HDR, unprotected..., SK
   * {inner...}} (RFC 7296 §3.14 allows them; no exchange we use needs them). When fragmented they
   * travel in the first fragment only.
   */
  public static IkeMessage protectedMessage(
      IkeHeader header, List<Payload> unprotectedPayloads, List<Payload> innerPayloads) {
    return new IkeMessage(header, innerPayloads, true, unprotectedPayloads, null);
  }

  /** The header. */
  public IkeHeader header() {
    return header;
  }

  /** The payloads: unprotected ones, or the inner payloads of SK if {@link #isEncrypted()}. */
  public List<Payload> payloads() {
    return payloads;
  }

  /** Whether {@link #payloads()} travel inside an Encrypted payload. */
  public boolean isEncrypted() {
    return encrypted;
  }

  /** Payloads sent unencrypted in front of the SK payload of a protected message (usually none). */
  public List<Payload> unprotectedPayloads() {
    return unprotectedPayloads;
  }

  /** The payloads of one class, in order, e.g. {@code payloads(NotifyPayload.class)}. */
  public <T extends Payload> List<T> payloads(Class<T> type) {
    return payloads.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The first payload of one class. */
  public <T extends Payload> Optional<T> first(Class<T> type) {
    return payloads.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * The first Notify payload of {@code type}, e.g. {@code notify(NotifyType.COOKIE)} (an overload
   * that has nothing to do with {@link Object#notify()}).
   */
  public Optional<NotifyPayload> notify(NotifyType type) {
    return payloads(NotifyPayload.class).stream()
        .filter(n -> n.notifyType().equals(type))
        .findFirst();
  }

  /**
   * Encodes an unprotected message.
   *
   * @throws IllegalStateException if the message is protected or longer than {@link
   *     Limits#MAX_MESSAGE_LENGTH}
   */
  public byte[] encode() {
    if (encrypted) {
      throw new IllegalStateException("a protected message is encoded with an SkCipher");
    }
    return MessageEncoder.encodeClear(this);
  }

  /**
   * Encodes a protected message: {@code HDR, [unprotected...,] SK {payloads}} sealed with {@code
   * cipher} (RFC 7296 §3.14).
   *
   * @throws IllegalStateException if the message is unprotected or too long for one datagram
   * @throws GeneralSecurityException if the cipher fails
   */
  public byte[] encode(SkCipher cipher) throws GeneralSecurityException {
    requireEncrypted();
    return MessageEncoder.encodeProtected(this, cipher);
  }

  /**
   * Splits a protected message into SKF fragments of at most {@code maxDatagramLength} octets each
   * (RFC 7383 §2.5): every fragment is sealed on its own; the first carries the first inner payload
   * type and any unprotected payloads. The caller keeps the list for retransmissions, and uses
   * fragments only when fragmentation was negotiated (RFC 7383 §2.3) and {@link #encode(SkCipher)}
   * would exceed the size; a message that fits becomes a single fragment 1 of 1.
   *
   * @param maxDatagramLength the largest IKE message to send, i.e. the path MTU less the IP and UDP
   *     headers and the non-ESP marker; RFC 7383 §2.5.1 suggests IP packets of at most 1280 octets
   *     for IPv6 and 576 for IPv4 when the path MTU is unknown (1280 - 40 - 8 - 4 = 1228 and 576 -
   *     20 - 8 - 4 = 544 octets on port 4500)
   * @throws IllegalArgumentException if the size leaves no room for content or the message needs
   *     more than {@link Limits#MAX_FRAGMENTS} fragments
   * @throws GeneralSecurityException if the cipher fails
   */
  public List<byte[]> encodeFragments(SkCipher cipher, int maxDatagramLength)
      throws GeneralSecurityException {
    requireEncrypted();
    return MessageEncoder.encodeFragments(this, cipher, maxDatagramLength);
  }

  /**
   * The octets an IKE_INTERMEDIATE message contributes to IntAuth (RFC 9242 §3.3.2): {@code
   * IntAuth_[i|r]*A | IntAuth_[i|r]*P}, i.e. the message as if unfragmented, from the first octet
   * of the IKE header to the last octet of the Encrypted payload's generic header (A), followed by
   * the inner payloads in clear (P). IV, padding, pad length and ICV are left out, and the header's
   * Length and SK's Payload Length are set to the values they have without them ({@code len(A) +
   * len(P)} and {@code 4 + len(P)}), so the result does not depend on the cipher or on
   * fragmentation. For a fragmented message (RFC 7383) the header is fragment 1's with Next Payload
   * SK (or the first unprotected payload's type), and P is the reassembled inner chain.
   *
   * <p>For a received message these are the octets as received and decrypted; for one we build they
   * are the octets {@link #encode(SkCipher)} and {@link #encodeFragments} send.
   *
   * @throws IllegalStateException if the message is not protected
   */
  public byte[] intAuthOctets() {
    requireEncrypted();
    return receivedIntAuth != null ? receivedIntAuth.clone() : MessageEncoder.intAuthOctets(this);
  }

  /**
   * {@code IntAuth_[i|r]*A} alone: the first part of {@link #intAuthOctets()}, for {@code
   * IntermediateAuth.next(prf, skP, previous, intAuthA(), intAuthP())}.
   */
  public byte[] intAuthA() {
    byte[] all = intAuthOctets();
    return Arrays.copyOf(all, all.length - PayloadChain.encodedLength(payloads));
  }

  /** {@code IntAuth_[i|r]*P} alone: the inner payloads in clear (the end of intAuthOctets). */
  public byte[] intAuthP() {
    byte[] all = intAuthOctets();
    return Arrays.copyOfRange(all, all.length - PayloadChain.encodedLength(payloads), all.length);
  }

  /**
   * Decodes a datagram into its wire view: header and unencrypted payloads, with an SK or SKF
   * payload (if any) kept opaque as the last payload.
   *
   * @throws IkeProtocolException for a malformed message (INVALID_SYNTAX naming payload, field and
   *     offset; INVALID_MAJOR_VERSION; UNSUPPORTED_CRITICAL_PAYLOAD)
   */
  public static IkeMessage decode(byte[] datagram) throws IkeProtocolException {
    return MessageDecoder.decodeWire(datagram).message();
  }

  /**
   * Decodes, verifies and decrypts a protected datagram {@code HDR, [...,] SK {...}}: calls {@code
   * cipher.open(prefix, body)} with every octet in front of the SK body as prefix, then decodes the
   * inner payloads.
   *
   * @throws IkeProtocolException if the message is malformed or carries no SK payload (an SKF
   *     fragment goes to a {@link FragmentReassembler})
   * @throws IntegrityCheckFailedException if the SK payload does not verify
   */
  public static IkeMessage decodeProtected(byte[] datagram, SkCipher cipher)
      throws IkeProtocolException, IntegrityCheckFailedException {
    return MessageDecoder.decodeProtected(datagram, cipher);
  }

  /** Decodes an inner payload chain (decrypted SK content) that starts with {@code firstType}. */
  public static List<Payload> decodeInnerPayloads(PayloadType firstType, byte[] plaintext)
      throws IkeProtocolException {
    return PayloadChain.decodeInner(plaintext, firstType);
  }

  private void requireEncrypted() {
    if (!encrypted) {
      throw new IllegalStateException("not a protected message");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IkeMessage m
        && m.header.equals(header)
        && m.encrypted == encrypted
        && m.payloads.equals(payloads)
        && m.unprotectedPayloads.equals(unprotectedPayloads);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, encrypted, payloads, unprotectedPayloads);
  }

  /** E.g. {@code IKE_AUTH request #1 ...: SK{IDi(ID_FQDN, a.example), AUTH(...), ...}}. */
  @Override
  public String toString() {
    String list = payloads.stream().map(Payload::toString).collect(Collectors.joining(", "));
    if (!encrypted) {
      return header + ": " + list;
    }
    String clear = unprotectedPayloads.stream().map(p -> p + ", ").collect(Collectors.joining());
    return header + ": " + clear + "SK{" + list + "}";
  }
}
