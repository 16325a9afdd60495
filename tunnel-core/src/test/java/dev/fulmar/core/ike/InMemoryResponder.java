package dev.fulmar.core.ike;

import dev.fulmar.core.ike.message.ExchangeType;
import dev.fulmar.core.ike.message.IkeHeader;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.IkeProtocolException;
import dev.fulmar.core.ike.message.IntegrityCheckFailedException;
import dev.fulmar.core.ike.message.Payload;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal IKEv2 responder for exchange tests, built from the same codec and crypto as the
 * initiator: it answers IKE_SA_INIT (with COOKIE and INVALID_KE_PAYLOAD when configured),
 * IKE_INTERMEDIATE, IKE_AUTH with certificates, PSK or EAP-MSCHAPv2, CP and the first CHILD SA,
 * and INFORMATIONAL; and it can send its own Delete and liveness checks. It listens on the
 * gateway's ports 500 and 4500 of an {@link InMemoryNetwork}. Every request it decrypts is kept in
 * {@link #received()} so tests can assert what the client did and did not send.
 */
public final class InMemoryResponder {
  public static final InetAddress GATEWAY = ResponderConfig.address("192.0.2.1");
  public static final InetSocketAddress PORT_500 = new InetSocketAddress(GATEWAY, 500);
  public static final InetSocketAddress PORT_4500 = new InetSocketAddress(GATEWAY, 4500);

  final InMemoryNetwork network;
  final ResponderConfig config;
  final SecureRandom random;
  private final ResponderInit init;
  private final ResponderAuth auth;
  private final List<IkeMessage> received = new ArrayList<>();
  private final List<IkeMessage> answers = new ArrayList<>();
  private final ResponderRekey rekey;
  private ResponderSa sa;
  private ResponderSa previous;

  public InMemoryResponder(InMemoryNetwork network, ResponderConfig config, SecureRandom random) {
    this.network = network;
    this.config = config;
    this.random = random;
    this.init = new ResponderInit(this);
    this.auth = new ResponderAuth(this);
    this.rekey = new ResponderRekey(this);
    network.bind(PORT_500, (d, from) -> receive(d, from, false));
    network.bind(PORT_4500, (d, from) -> receive(d, from, true));
  }

  /** Every request the responder decoded (IKE_SA_INIT in clear, later ones decrypted). */
  public List<IkeMessage> received() {
    return List.copyOf(received);
  }

  /** Responses to the responder's own requests (Delete, liveness check). */
  public List<IkeMessage> answers() {
    return List.copyOf(answers);
  }

  /** The current IKE SA, or null before IKE_SA_INIT. */
  public ResponderSa sa() {
    return sa;
  }

  void setSa(ResponderSa s) {
    if (sa != null && sa.established && !sa.deleted) {
      previous = sa; // the client re-authenticates: the old SA lives until its Delete
    }
    this.sa = s;
  }

  /** The IKE SA a rekey replaced, until its Delete; null otherwise. */
  public ResponderSa previousSa() {
    return previous;
  }

  void replaceSa(ResponderSa next) {
    previous = sa;
    sa = next;
  }

  private void receive(byte[] datagram, InetSocketAddress from, boolean natT) {
    byte[] d = datagram;
    if (natT) {
      if (d.length < 4 || d[0] != 0 || d[1] != 0 || d[2] != 0 || d[3] != 0) {
        return;
      }
      d = Arrays.copyOfRange(d, 4, d.length);
    }
    try {
      IkeHeader h = IkeHeader.peek(d);
      if (h.exchangeType().equals(ExchangeType.IKE_SA_INIT) && !h.response()) {
        init.handle(IkeMessage.decode(d), d, from, natT);
        return;
      }
      if (previous != null && h.initiatorSpi() == previous.spiI
          && h.responderSpi() == previous.spiR) {
        onPrevious(h, d, from, natT);
        return;
      }
      if (sa == null || h.initiatorSpi() != sa.spiI || h.responderSpi() != sa.spiR) {
        return;
      }
      sa.client = from;
      sa.natT = natT;
      if (h.response()) {
        decrypt(h, d).ifPresent(answers::add);
      } else {
        request(h, d);
      }
    } catch (IkeProtocolException | GeneralSecurityException e) {
      throw new AssertionError("the test responder could not handle a message: " + e, e);
    }
  }

  /** A message on the replaced IKE SA: handled with it, which is current for that moment. */
  private void onPrevious(IkeHeader h, byte[] d, InetSocketAddress from, boolean natT)
      throws IkeProtocolException, GeneralSecurityException {
    ResponderSa now = sa;
    sa = previous;
    try {
      sa.client = from;
      sa.natT = natT;
      if (h.response()) {
        decrypt(h, d).ifPresent(answers::add);
      } else {
        request(h, d);
      }
    } finally {
      if (sa == previous) {
        sa = now;
      }
    }
  }

  private void request(IkeHeader h, byte[] d) throws IkeProtocolException,
      GeneralSecurityException {
    if (h.messageId() == sa.expectedMid - 1) {
      send(sa.lastResponse);
      return;
    }
    if (h.messageId() != sa.expectedMid || config.ignoreRequests.contains(h.messageId())) {
      return;
    }
    java.util.Optional<IkeMessage> m = decrypt(h, d);
    if (m.isEmpty()) {
      return;
    }
    received.add(m.get());
    List<Payload> reply;
    if (h.exchangeType().equals(ExchangeType.IKE_INTERMEDIATE)) {
      reply = init.intermediate(m.get());
    } else if (h.exchangeType().equals(ExchangeType.IKE_AUTH)) {
      reply = auth.handle(m.get());
    } else if (h.exchangeType().equals(ExchangeType.CREATE_CHILD_SA)) {
      reply = rekey.answer(m.get());
    } else if (m.get().notify(dev.fulmar.core.ike.message.NotifyType.UPDATE_SA_ADDRESSES)
        .isPresent()) {
      sa.addressUpdates++;
      reply = m.get().notify(dev.fulmar.core.ike.message.NotifyType.COOKIE2)
          .filter(c -> config.echoCookie2).map(
          c -> List.<Payload>of(c)).orElse(List.of());
    } else {
      reply = List.of();
      sa.deleted |= m.get().payloads(dev.fulmar.core.ike.message.DeletePayload.class).stream()
          .anyMatch(p -> p.protocol().equals(dev.fulmar.core.ike.message.ProtocolId.IKE));
    }
    IkeMessage response = IkeMessage.protectedMessage(IkeHeader.responseTo(h), reply);
    sa.lastResponse = seal(response);
    sa.expectedMid++;
    send(sa.lastResponse);
    init.afterResponse(h, m.get(), response);
    rekey.afterResponse();
  }

  java.util.Optional<IkeMessage> decrypt(IkeHeader h, byte[] d) throws IkeProtocolException {
    try {
      IkeMessage wire = IkeMessage.decode(d);
      if (wire.first(dev.fulmar.core.ike.message.EncryptedFragmentPayload.class).isPresent()) {
        if (sa.reassembler == null) {
          sa.reassembler = new dev.fulmar.core.ike.message.FragmentReassembler(
              sa.ciphers.inbound());
        }
        java.util.Optional<IkeMessage> done = sa.reassembler.add(d);
        if (done.isPresent()) {
          sa.reassembler = null;
        }
        return done;
      }
      return java.util.Optional.of(IkeMessage.decodeProtected(d, sa.ciphers.inbound()));
    } catch (IntegrityCheckFailedException e) {
      throw new AssertionError("integrity check failed at the test responder", e);
    }
  }

  /** Seals a message, fragmenting it like a gateway would (RFC 7383). */
  List<byte[]> seal(IkeMessage m) throws GeneralSecurityException {
    byte[] whole = m.encode(sa.ciphers.outbound());
    int max = config.fragmentSize - 28 - (sa.natT ? 4 : 0);
    if (config.fragmentation && sa.clientFragmentation && whole.length > max) {
      return m.encodeFragments(sa.ciphers.outbound(), max);
    }
    return List.of(whole);
  }

  void send(List<byte[]> datagrams) {
    for (byte[] d : datagrams) {
      sendTo(sa.client, sa.natT, d);
    }
  }

  void sendTo(InetSocketAddress to, boolean natT, byte[] d) {
    byte[] out = d;
    if (natT) {
      out = new byte[d.length + 4];
      System.arraycopy(d, 0, out, 4, d.length);
    }
    network.sendFrom(natT ? PORT_4500 : PORT_500, to, out);
  }

  /** Sends a request of the gateway's own: INFORMATIONAL with {@code payloads}. */
  public void sendInformational(List<Payload> payloads) {
    sendRequest(ExchangeType.INFORMATIONAL, payloads);
  }

  /**
   * Makes the nonces of CHILD and IKE SA rekeys fixed: {@code asInitiator} in the gateway's own
   * rekeys, {@code asResponder} in its answers (RFC 7296 §2.8.1 collisions are decided by them).
   */
  public void fixRekeyNonces(byte[] asInitiator, byte[] asResponder) {
    rekey.fixedNonceAsInitiator = asInitiator;
    rekey.fixedNonceAsResponder = asResponder;
  }

  /** The SPIi of the IKE SA the gateway's last IKE SA rekey request proposed. */
  public long lastProposedIkeSpi() {
    return rekey.lastProposedIkeSpi();
  }

  /** Our inbound SPI of the CHILD SA the gateway's last rekey request proposed. */
  public int lastProposedChildSpi() {
    return rekey.lastProposedInboundSpi();
  }

  /** The gateway rekeys the CHILD SA (CREATE_CHILD_SA with REKEY_SA). */
  public void sendChildRekey() {
    sendRequest(ExchangeType.CREATE_CHILD_SA, rekey.childRekeyRequest());
  }

  /** The client's answer to our CHILD SA rekey arrived: Delete our old SA (INFORMATIONAL). */
  public void deleteRekeyedChildSa() {
    int old = rekey.childRekeyAnswered(answers.get(answers.size() - 1));
    sendInformational(List.of(dev.fulmar.core.ike.message.DeletePayload.childSas(
        dev.fulmar.core.ike.message.ProtocolId.ESP, old)));
  }

  /** The gateway rekeys the IKE SA (CREATE_CHILD_SA with an IKE SA payload). */
  public void sendIkeRekey() {
    try {
      sendRequest(ExchangeType.CREATE_CHILD_SA, rekey.ikeRekeyRequest());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** The client's answer to our IKE SA rekey arrived: switch, and Delete the old IKE SA. */
  public void deleteRekeyedIkeSa() {
    try {
      rekey.ikeRekeyAnswered(answers.get(answers.size() - 1));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
    ResponderSa now = sa;
    sa = previous;
    try {
      sendInformational(List.of(dev.fulmar.core.ike.message.DeletePayload.ikeSa()));
    } finally {
      sa = now;
    }
  }

  /** Sends a request of the gateway's own on the current IKE SA. */
  public void sendRequest(ExchangeType type, List<Payload> payloads) {
    IkeHeader h = new IkeHeader(sa.spiI, sa.spiR, type, sa.gatewayIsInitiator, false, false,
        sa.ourNextMid++);
    try {
      send(seal(IkeMessage.protectedMessage(h, payloads)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
