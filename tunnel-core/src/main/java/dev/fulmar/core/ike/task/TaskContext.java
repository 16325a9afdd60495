package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.Algorithm;
import dev.fulmar.core.api.ChildSaInfo;
import dev.fulmar.core.api.IkeIdentity;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.TrafficSelector;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.NatDetection;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.ike.SessionLog;
import dev.fulmar.core.ike.auth.SignatureHash;
import dev.fulmar.core.ike.message.IdPayload;
import dev.fulmar.core.ike.message.IkeMessage;
import java.net.InetAddress;
import dev.fulmar.core.ike.sa.IkeSa;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the tasks that set up one IKE SA share: parameters and environment, the SA, and the facts
 * each task leaves for the later ones (nonces, the IKE_SA_INIT messages for AUTH, IntAuth, the
 * gateway's announcements, the negotiated result). Confined to the session's event loop.
 */
public final class TaskContext {
  final IkeSessionParams params;
  final SessionEnvironment env;
  final IkeSa sa;
  final SessionHooks hooks;
  final SessionLog log;
  final Negotiated result = new Negotiated();

  // IKE_SA_INIT
  byte[] nonceI;
  byte[] nonceR;
  /** RealMessage1 and RealMessage2 of RFC 7296 §2.15: the IKE_SA_INIT messages as on the wire. */
  byte[] initRequest;
  byte[] initResponse;
  final PeerAnnouncements peer = new PeerAnnouncements();

  // IKE_INTERMEDIATE (RFC 9242 §3.3.2)
  byte[] intAuthI;
  byte[] intAuthR;
  private IkeMessage lastRequest;
  long firstIkeAuthMessageId = -1;

  // IKE_AUTH
  boolean gatewayAuthenticated;
  boolean ikeAuthComplete;

  // keeping the tunnel up
  java.time.Duration authLifetime;
  private Long replacing;
  private List<InetAddress> requestedAddresses;
  private String redirect;
  private InetAddress redirectedFrom;

  // control of the session
  private boolean retry;
  private CompletionStage<?> blocker;
  private IkeFailure failure;

  public TaskContext(
      IkeSessionParams params, SessionEnvironment env, IkeSa sa, SessionHooks hooks,
      SessionLog log) {
    this.params = params;
    this.env = env;
    this.sa = sa;
    this.hooks = hooks;
    this.log = log;
  }

  public IkeSa sa() {
    return sa;
  }

  /** What has been negotiated so far (read by the session to report the result). */
  public Negotiated negotiated() {
    return result;
  }

  /** The IKE_SA_INIT request exactly as sent (RealMessage1, signed by our AUTH). */
  public void recordInitRequest(byte[] datagram) {
    this.initRequest = datagram.clone();
  }

  /** The IKE_SA_INIT response exactly as received (RealMessage2, signed by the gateway). */
  public void recordInitResponse(byte[] datagram) {
    this.initResponse = datagram.clone();
  }

  /** Whether both sides announced IKE fragmentation (RFC 7383 §2.3). */
  public boolean peerSupportsFragmentation() {
    return peer.fragmentation && params.fragmentation();
  }

  /** Whether IKE_AUTH has completed and both sides are authenticated. */
  public boolean isIkeAuthComplete() {
    return ikeAuthComplete;
  }

  /** The session records each request it sends; IKE_INTERMEDIATE tasks need it for IntAuth. */
  public void setLastRequest(IkeMessage request) {
    this.lastRequest = request;
  }

  IkeMessage lastRequest() {
    return lastRequest;
  }

  /** A task asks to send the same exchange again with message ID 0 (COOKIE, INVALID_KE). */
  void requestRetry() {
    retry = true;
  }

  /** Whether a retry was requested while processing; clears the flag. */
  public boolean takeRetry() {
    boolean r = retry;
    retry = false;
    return r;
  }

  /** The next request must wait until {@code stage} completes (e.g. the user types a password). */
  void blockUntil(CompletionStage<?> stage) {
    this.blocker = stage;
  }

  /** What the next request waits for, if anything; clears it. */
  public CompletionStage<?> takeBlocker() {
    CompletionStage<?> b = blocker;
    blocker = null;
    return b;
  }

  /** Records why a task fails; {@code return ctx.fail(f)} reads as the task's answer. */
  Task.Status fail(IkeFailure f) {
    this.failure = f;
    return Task.Status.FAILED;
  }

  /** The failure a task recorded before returning FAILED. */
  public IkeFailure failure() {
    return failure;
  }

  /**
   * Takes over what an IKE SA that this one replaces knew (RFC 7296 §2.18: a rekeyed SA keeps the
   * authentication, the configuration and what the gateway announced), with the algorithms the
   * rekey negotiated.
   */
  public void inheritFrom(TaskContext previous, Algorithm encryption, Algorithm integrity,
      Algorithm prf, List<Algorithm> keyExchanges) {
    Negotiated r = result;
    Negotiated p = previous.result;
    r.encryption = encryption;
    r.integrity = integrity;
    r.prf = prf;
    r.keyExchanges.clear();
    r.keyExchanges.addAll(keyExchanges);
    r.nat = p.nat;
    r.localIdentity = p.localIdentity;
    r.remoteIdentity = p.remoteIdentity;
    r.remoteCertificateSubject = p.remoteCertificateSubject;
    r.authMethod = p.authMethod;
    r.config.virtualAddresses.addAll(p.config.virtualAddresses);
    r.config.dnsServers.addAll(p.config.dnsServers);
    r.config.dnsDomains.addAll(p.config.dnsDomains);
    r.config.splitSubnets.addAll(p.config.splitSubnets);
    r.child = p.child;
    peer.fragmentation = previous.peer.fragmentation;
    peer.intermediate = previous.peer.intermediate;
    peer.mobike = previous.peer.mobike;
    peer.additionalAddresses.addAll(previous.peer.additionalAddresses);
    gatewayAuthenticated = true;
    ikeAuthComplete = true;
    replacing = null;
  }

  /** Whether both sides announced MOBIKE (RFC 4555 §3.2). */
  public boolean mobike() {
    return peer.mobike;
  }

  /** Addresses the gateway announced besides the one we talk to (RFC 4555 §3.6), in order. */
  public List<InetAddress> peerAdditionalAddresses() {
    return List.copyOf(peer.additionalAddresses);
  }

  /** Records the gateway's ADDITIONAL_IP4/6_ADDRESS or NO_ADDITIONAL_ADDRESSES announcement. */
  public void setPeerAdditionalAddresses(List<InetAddress> addresses) {
    peer.additionalAddresses.clear();
    peer.additionalAddresses.addAll(addresses);
  }

  /**
   * The AUTH_LIFETIME the gateway announced in IKE_AUTH (RFC 4478), or null: re-authenticate
   * before it runs out.
   */
  public java.time.Duration authLifetime() {
    return authLifetime;
  }

  /**
   * The CHILD SA the first CHILD SA of this (re-authenticating) IKE SA replaces in the data path,
   * by our inbound SPI; -1 for a plain connect.
   */
  public long replacing() {
    return replacing == null ? -1 : replacing;
  }

  /** The virtual addresses to ask for: ours when re-authenticating, else the parameters'. */
  public List<InetAddress> requestedAddresses() {
    return requestedAddresses != null ? requestedAddresses : params.requestedAddresses();
  }

  /** Makes this IKE SA's setup a re-authentication replacing CHILD SA {@code inboundSpi}. */
  public void setReplacing(long inboundSpi, List<InetAddress> addresses) {
    this.replacing = inboundSpi;
    this.requestedAddresses = List.copyOf(addresses);
  }

  /** The new gateway a REDIRECT named (RFC 5685), or null; cleared by reading it. */
  public String takeRedirect() {
    String r = redirect;
    redirect = null;
    return r;
  }

  void redirectTo(String gateway) {
    this.redirect = gateway;
  }

  /** Whether a task read a REDIRECT that the session has not taken yet. */
  public boolean redirectPending() {
    return redirect != null;
  }

  /**
   * The gateway that redirected this session here (REDIRECTED_FROM, RFC 5685 §5): the one set
   * when the session followed a redirect itself, else the parameters'.
   */
  public java.util.Optional<InetAddress> redirectedFrom() {
    return redirectedFrom != null ? java.util.Optional.of(redirectedFrom)
        : params.redirectedFrom();
  }

  /** This IKE SA's setup follows a redirect away from {@code gateway}. */
  public void setRedirectedFrom(InetAddress gateway) {
    this.redirectedFrom = gateway;
  }

  /** What the gateway told us in IKE_SA_INIT (and IKE_AUTH) that later tasks rely on. */
  static final class PeerAnnouncements {
    boolean fragmentation;
    boolean intermediate;
    boolean mobike;
    final List<InetAddress> additionalAddresses = new ArrayList<>();
    final List<SignatureHash> signatureHashes = new ArrayList<>();
    final List<byte[]> certificateRequests = new ArrayList<>();
  }

  /** The negotiated result, filled in as the tasks go. */
  public static final class Negotiated {
    Algorithm encryption;
    Algorithm integrity;
    Algorithm prf;
    final List<Algorithm> keyExchanges = new ArrayList<>();
    NatDetection nat = new NatDetection(false, false, false);
    IdPayload localIdentity;
    IdPayload remoteIdentity;
    String remoteCertificateSubject;
    String authMethod;
    final Config config = new Config();
    ChildSaInfo child;

    public Algorithm encryption() {
      return encryption;
    }

    public Algorithm integrity() {
      return integrity;
    }

    public Algorithm prf() {
      return prf;
    }

    public List<Algorithm> keyExchanges() {
      return List.copyOf(keyExchanges);
    }

    public NatDetection nat() {
      return nat;
    }

    /** IDi as sent, or null before IKE_AUTH. */
    public IkeIdentity localIdentity() {
      return identity(localIdentity);
    }

    /** IDr as received and authenticated, or null. */
    public IkeIdentity remoteIdentity() {
      return identity(remoteIdentity);
    }

    public String remoteCertificateSubject() {
      return remoteCertificateSubject;
    }

    public String authMethod() {
      return authMethod;
    }

    public Config config() {
      return config;
    }

    /** The first CHILD SA, or null before it is up. */
    public ChildSaInfo child() {
      return child;
    }

    private static IkeIdentity identity(IdPayload id) {
      if (id == null) {
        return null;
      }
      return IkeIdentity.of(id.idType().value(), id.data());
    }
  }

  /** What CP(CFG_REPLY) assigned. */
  public static final class Config {
    final List<InetAddress> virtualAddresses = new ArrayList<>();
    final List<InetAddress> dnsServers = new ArrayList<>();
    final List<String> dnsDomains = new ArrayList<>();
    final List<TrafficSelector> splitSubnets = new ArrayList<>();

    public List<InetAddress> virtualAddresses() {
      return List.copyOf(virtualAddresses);
    }

    public List<InetAddress> dnsServers() {
      return List.copyOf(dnsServers);
    }

    public List<String> dnsDomains() {
      return List.copyOf(dnsDomains);
    }

    public List<TrafficSelector> splitSubnets() {
      return List.copyOf(splitSubnets);
    }
  }
}
