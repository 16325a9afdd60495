package dev.fulmar.core.ike;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.api.AuthConfig;
import dev.fulmar.core.api.EapMethod;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.Secret;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.auth.TestPki;
import dev.fulmar.core.ike.message.DeletePayload;
import dev.fulmar.core.ike.message.IkeMessage;
import dev.fulmar.core.ike.message.ProtocolId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires our initiator to the {@link InMemoryResponder} (STYLE #7): a manual loop and clock, a
 * deterministic random, and an in-memory network where datagrams wait until the test delivers
 * them. Tests change {@link #gateway} and {@link #params} before {@link #connect()}, then step
 * through the exchanges with {@link #toGateway()} and {@link #toClient()}, or run them all.
 */
public final class ExchangeHarness {
  public static final InetAddress CLIENT = ResponderConfig.address("198.51.100.10");

  public final ManualSessionLoop loop = new ManualSessionLoop();
  public final InMemoryNetwork network = new InMemoryNetwork(CLIENT);
  public final ResponderConfig gateway = new ResponderConfig();
  public final IkeSessionParams.Builder params = IkeSessionParams.builder();
  public final Events events = new Events();
  /** How often the client asked for the password. */
  public final AtomicInteger passwordRequests = new AtomicInteger();
  public InMemoryResponder responder;
  public IkeSession session;
  public CompletableFuture<SessionInfo> connected;

  public ExchangeHarness() {
    params.name("test").gateway("192.0.2.1").trustAnchors(List.of(Pki.CA.certificate()))
        .auth(eap("alice", "correct horse"));
  }

  /** EAP-MSCHAPv2 with this user and password (counted in {@link #passwordRequests}). */
  public AuthConfig.Eap eap(String user, String password) {
    return new AuthConfig.Eap(Set.of(EapMethod.MSCHAPV2), user, request -> {
      passwordRequests.incrementAndGet();
      return CompletableFuture.completedFuture(Secret.ofChars(password.toCharArray()));
    }, null);
  }

  /** Certificate authentication with a test client certificate. */
  public static AuthConfig.Certificate certificate(TestPki.Issued client) {
    return new AuthConfig.Certificate(List.of(client.certificate()), client.privateKey());
  }

  /** Builds the parameters and the responder and sends IKE_SA_INIT. */
  public IkeSession connect() {
    responder = new InMemoryResponder(network, gateway, new DeterministicRandom(2));
    SessionEnvironment env = SessionEnvironment.builder()
        .loops(loop)
        .sockets(network)
        .resolver(host -> List.of(InMemoryResponder.GATEWAY))
        .random(new DeterministicRandom(1))
        .wallClock(TestPki.CLOCK)
        .build();
    try {
      session = IkeSession.create(params.build(), env, events);
    } catch (IkeSessionException e) {
      throw new AssertionError(e);
    }
    connected = session.connect();
    return session;
  }

  /** Delivers the next datagram in flight (the client's request, or a gateway's message). */
  public InMemoryNetwork.Datagram deliver() {
    InMemoryNetwork.Datagram d = network.deliverNext();
    if (d == null) {
      throw new AssertionError("nothing in flight");
    }
    return d;
  }

  /**
   * Delivers the client's next message to the gateway: every datagram in flight towards it (all
   * fragments of a fragmented message). Returns how many datagrams went.
   */
  public int toGateway() {
    return deliverTowards(true);
  }

  /** Delivers the gateway's next message (all its datagrams) to the client. */
  public int toClient() {
    return deliverTowards(false);
  }

  private int deliverTowards(boolean gateway) {
    int n = 0;
    while (!network.inFlight().isEmpty() && isToGateway(network.inFlight().get(0)) == gateway) {
      network.deliverNext();
      n++;
    }
    if (n == 0) {
      throw new AssertionError("nothing in flight to the " + (gateway ? "gateway" : "client")
          + "; in flight: " + network.inFlight().size());
    }
    return n;
  }

  private static boolean isToGateway(InMemoryNetwork.Datagram d) {
    return d.to().getAddress().equals(InMemoryResponder.GATEWAY);
  }

  /** Runs every exchange until nothing is in flight. */
  public void runAll() {
    network.deliverAll();
  }

  /** The negotiated session (fails the test if the connection failed or is not done). */
  public SessionInfo info() {
    if (!connected.isDone()) {
      throw new AssertionError("not connected yet; state " + session.state());
    }
    if (connected.isCompletedExceptionally()) {
      throw new AssertionError("connection failed: " + events.failure);
    }
    return connected.join();
  }

  /** Datagrams the client sent to the gateway so far. */
  public List<InMemoryNetwork.Datagram> sentByClient() {
    return network.log().stream().filter(d -> d.to().getAddress().equals(
        InMemoryResponder.GATEWAY)).toList();
  }

  /** Decrypted requests the gateway received. */
  public List<IkeMessage> gatewayReceived() {
    return responder.received();
  }

  /**
   * {@code message} is an INFORMATIONAL {D(IKE)} sent on the IKE SA with initiator SPI {@code
   * spiI}.
   */
  public static void assertDeletesIkeSa(IkeMessage message, long spiI) {
    assertThat(message.header().initiatorSpi()).isEqualTo(spiI);
    assertThat(message.first(DeletePayload.class).orElseThrow().protocol())
        .isEqualTo(ProtocolId.IKE);
  }

  /**
   * The session's requests go out on the IKE SA with initiator SPI {@code spiI}: a liveness check
   * is answered there, and nothing is left in flight.
   */
  public void assertRequestsFlowOn(long spiI) {
    session.checkLiveness();
    toGateway();
    toClient();
    assertThat(responder.sa().spiI).isEqualTo(spiI);
    assertThat(network.inFlight()).isEmpty();
  }

  /** The client's socket address as the gateway sees it. */
  public InetSocketAddress clientAddress() {
    return responder.sa().client;
  }

  /** Records what the session reports. */
  public static final class Events implements IkeSessionListener {
    public final List<SessionState> states = new ArrayList<>();
    public SessionInfo established;
    public IkeFailure failure;
    public Boolean closedByGateway;
    /** Pairs (previous, current) of {@link #onChildSaRekeyed}. */
    public final List<dev.fulmar.core.api.ChildSaInfo[]> childRekeys = new ArrayList<>();
    /** What {@link #onReauthenticated} reported, in order. */
    public final List<SessionInfo> reauthenticated = new ArrayList<>();

    @Override
    public void onReauthenticated(SessionInfo info) {
      reauthenticated.add(info);
    }

    /** How often {@link #onAddressesUpdated} was called. */
    public int addressUpdates;

    @Override
    public void onAddressesUpdated(java.net.InetSocketAddress local,
        java.net.InetSocketAddress gateway) {
      addressUpdates++;
    }

    /** The gateways of {@link #onRedirected}, in order. */
    public final List<String> redirects = new ArrayList<>();

    @Override
    public void onRedirected(String gateway, boolean established) {
      redirects.add(gateway);
    }

    /** SPIi of each new IKE SA of {@link #onIkeSaRekeyed}. */
    public final List<Long> ikeRekeys = new ArrayList<>();

    @Override
    public void onChildSaRekeyed(dev.fulmar.core.api.ChildSaInfo previous,
        dev.fulmar.core.api.ChildSaInfo current) {
      childRekeys.add(new dev.fulmar.core.api.ChildSaInfo[] {previous, current});
    }

    @Override
    public void onIkeSaRekeyed(long spiI, long spiR,
        List<dev.fulmar.core.api.Algorithm> keyExchanges) {
      ikeRekeys.add(spiI);
    }

    @Override
    public void onStateChanged(SessionState state) {
      states.add(state);
    }

    @Override
    public void onEstablished(SessionInfo info) {
      established = info;
    }

    @Override
    public void onFailed(IkeFailure f) {
      failure = f;
    }

    @Override
    public void onClosed(boolean byGateway) {
      closedByGateway = byGateway;
    }
  }
}
