package dev.fulmar.core.api;

import dev.fulmar.core.esp.SaInstaller;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Everything one IKE session needs to know, immutable; built with {@link #builder()}. The helper's
 * profile mapper is the only place that turns a profile into these.
 */
public final class IkeSessionParams {
  /** IKE's port (RFC 7296 §2). */
  public static final int IKE_PORT = 500;
  /** The NAT-T port (RFC 3948). */
  public static final int NAT_T_PORT = 4500;
  /** How often a session follows REDIRECT (RFC 5685) before it gives up, by default. */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  private final String name;
  private final String gatewayHost;
  private final int gatewayPort;
  private final IkeIdentity localIdentity;
  private final IkeIdentity remoteIdentity;
  private final List<X509Certificate> trustAnchors;
  private final boolean systemTrust;
  private final List<byte[]> gatewayCertificatePins;
  private final AuthConfig auth;
  private final List<IkeProposal> ikeProposals;
  private final List<EspProposal> espProposals;
  private final Set<ConfigAttribute> configRequest;
  private final List<TrafficSelector> localSelectors;
  private final List<TrafficSelector> remoteSelectors;
  private final boolean fragmentation;
  private final int fragmentSize;
  private final boolean forceUdpEncapsulation;
  private final RetransmissionPolicy retransmission;
  private final KeyLogSink keyLog;
  private final SaInstaller saInstaller;
  private final SaLifetime ikeLifetime;
  private final SaLifetime childLifetime;
  private final Duration dpdInterval;
  private final LongSupplier inboundActivity;
  private final boolean mobike;
  private final boolean redirect;
  private final int maxRedirects;
  private final InetAddress redirectedFrom;
  private final List<InetAddress> requestedAddresses;

  private IkeSessionParams(Builder b) {
    this.name = b.name;
    this.gatewayHost = b.gatewayHost;
    this.gatewayPort = b.gatewayPort;
    this.localIdentity = b.localIdentity;
    this.remoteIdentity = b.remoteIdentity;
    this.trustAnchors = List.copyOf(b.trustAnchors);
    this.systemTrust = b.systemTrust;
    this.gatewayCertificatePins = b.pins.stream().map(byte[]::clone).toList();
    this.auth = b.auth;
    this.ikeProposals = List.copyOf(b.ikeProposals);
    this.espProposals = List.copyOf(b.espProposals);
    this.configRequest = Set.copyOf(b.configRequest);
    this.localSelectors = List.copyOf(b.localSelectors);
    this.remoteSelectors = List.copyOf(b.remoteSelectors);
    this.fragmentation = b.fragmentation;
    this.fragmentSize = b.fragmentSize;
    this.forceUdpEncapsulation = b.forceUdpEncapsulation;
    this.retransmission = b.retransmission;
    this.keyLog = b.keyLog;
    this.saInstaller = b.saInstaller;
    this.ikeLifetime = b.ikeLifetime;
    this.childLifetime = b.childLifetime;
    this.dpdInterval = b.dpdInterval;
    this.inboundActivity = b.inboundActivity;
    this.mobike = b.mobike;
    this.redirect = b.redirect;
    this.maxRedirects = b.maxRedirects;
    this.redirectedFrom = b.redirectedFrom;
    this.requestedAddresses = List.copyOf(b.requestedAddresses);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A name for logs and threads (the profile name). */
  public String name() {
    return name;
  }

  /** The gateway's DNS name or IP literal. */
  public String gatewayHost() {
    return gatewayHost;
  }

  /** The gateway's IKE port, normally 500. */
  public int gatewayPort() {
    return gatewayPort;
  }

  /** IDi; empty means "derive it" (EAP identity, certificate subject, or our address). */
  public Optional<IkeIdentity> localIdentity() {
    return Optional.ofNullable(localIdentity);
  }

  /**
   * The identity the gateway must prove: sent as IDr and checked against its certificate. Empty
   * means the gateway host name (or address) is checked against the certificate instead.
   */
  public Optional<IkeIdentity> remoteIdentity() {
    return Optional.ofNullable(remoteIdentity);
  }

  /** CA certificates that may issue the gateway's certificate. */
  public List<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  /** Whether the operating system's trust store is trusted too. */
  public boolean systemTrust() {
    return systemTrust;
  }

  /**
   * SHA-256 fingerprints of the gateway's own certificate; when any are set, the certificate must
   * match one of them in addition to passing the chain check.
   */
  public List<byte[]> gatewayCertificatePins() {
    return gatewayCertificatePins.stream().map(byte[]::clone).toList();
  }

  public AuthConfig auth() {
    return auth;
  }

  public List<IkeProposal> ikeProposals() {
    return ikeProposals;
  }

  public List<EspProposal> espProposals() {
    return espProposals;
  }

  /** The attributes asked for in CP(CFG_REQUEST); empty sends no CP. */
  public Set<ConfigAttribute> configRequest() {
    return configRequest;
  }

  /** TSi proposed for the first CHILD SA. */
  public List<TrafficSelector> localSelectors() {
    return localSelectors;
  }

  /** TSr proposed for the first CHILD SA (0.0.0.0/0 = full tunnel, or the split subnets). */
  public List<TrafficSelector> remoteSelectors() {
    return remoteSelectors;
  }

  /** Whether IKE fragmentation (RFC 7383) is announced and used. */
  public boolean fragmentation() {
    return fragmentation;
  }

  /** The largest IP datagram our IKE fragments may make (RFC 7383 §2.5.1). */
  public int fragmentSize() {
    return fragmentSize;
  }

  /** Whether we fake NAT-D to force UDP encapsulation (like strongSwan's {@code encap=yes}). */
  public boolean forceUdpEncapsulation() {
    return forceUdpEncapsulation;
  }

  public RetransmissionPolicy retransmission() {
    return retransmission;
  }

  /** Where SA keys go for Wireshark, if the user asked for a key log. */
  public Optional<KeyLogSink> keyLog() {
    return Optional.ofNullable(keyLog);
  }

  /**
   * Where negotiated CHILD SAs go (the ESP data path); empty for a negotiation that moves no
   * traffic, such as {@code fulmar diagnose}.
   */
  public Optional<SaInstaller> saInstaller() {
    return Optional.ofNullable(saInstaller);
  }

  /** When the IKE SA is rekeyed (RFC 7296 §2.18) and when it expires. */
  public SaLifetime ikeLifetime() {
    return ikeLifetime;
  }

  /** When each CHILD SA is rekeyed (RFC 7296 §2.8) and when it expires. */
  public SaLifetime childLifetime() {
    return childLifetime;
  }

  /**
   * Dead-peer detection (RFC 7296 §2.4): after this long without anything from the gateway (no
   * IKE message and no change of {@link #inboundActivity()}), an empty INFORMATIONAL asks whether
   * it is still there; zero turns the check off (the gateway's own checks and our rekeys remain).
   */
  public Duration dpdInterval() {
    return dpdInterval;
  }

  /**
   * A counter of what the data path received from the gateway (e.g. inbound ESP packets); any
   * change between two looks counts as "the gateway is alive", so a busy tunnel needs no liveness
   * check. Empty: only IKE messages count.
   */
  public Optional<LongSupplier> inboundActivity() {
    return Optional.ofNullable(inboundActivity);
  }

  /**
   * Whether MOBIKE (RFC 4555) is offered: MOBIKE_SUPPORTED in IKE_AUTH, and when the gateway
   * agrees, {@link IkeSession#localAddressChanged} moves the SAs with UPDATE_SA_ADDRESSES.
   */
  public boolean mobike() {
    return mobike;
  }

  /** Whether redirects (RFC 5685) are accepted: REDIRECT_SUPPORTED in IKE_SA_INIT. */
  public boolean redirect() {
    return redirect;
  }

  /** How many redirects one session follows before it fails with REDIRECT_LOOP. */
  public int maxRedirects() {
    return maxRedirects;
  }

  /**
   * The gateway that redirected us here, when this session follows a redirect the helper
   * received on an established session ({@link IkeSessionListener#onRedirected}): sent as
   * REDIRECTED_FROM in IKE_SA_INIT (RFC 5685 §5) instead of REDIRECT_SUPPORTED.
   */
  public Optional<InetAddress> redirectedFrom() {
    return Optional.ofNullable(redirectedFrom);
  }

  /**
   * Virtual addresses to ask for in CP(CFG_REQUEST) (RFC 7296 §3.15.1): on a reconnect, the ones
   * the last session had, so routes and the kill switch stay valid if the gateway agrees. Empty:
   * ask for any address.
   */
  public List<InetAddress> requestedAddresses() {
    return requestedAddresses;
  }

  /** Builds {@link IkeSessionParams}; {@link #build()} checks the combination. */
  public static final class Builder {
    private String name = "session";
    private String gatewayHost;
    private int gatewayPort = IKE_PORT;
    private IkeIdentity localIdentity;
    private IkeIdentity remoteIdentity;
    private List<X509Certificate> trustAnchors = List.of();
    private boolean systemTrust;
    private List<byte[]> pins = List.of();
    private AuthConfig auth;
    private List<IkeProposal> ikeProposals = IkeProposal.defaults();
    private List<EspProposal> espProposals = EspProposal.defaults();
    private Set<ConfigAttribute> configRequest = EnumSet.allOf(ConfigAttribute.class);
    private List<TrafficSelector> localSelectors = List.of(TrafficSelector.all(false));
    private List<TrafficSelector> remoteSelectors = List.of(TrafficSelector.all(false));
    private boolean fragmentation = true;
    private int fragmentSize = 1280;
    private boolean forceUdpEncapsulation;
    private RetransmissionPolicy retransmission = RetransmissionPolicy.defaults();
    private KeyLogSink keyLog;
    private SaInstaller saInstaller;
    private SaLifetime ikeLifetime = SaLifetime.ikeDefaults();
    private SaLifetime childLifetime = SaLifetime.childDefaults();
    private Duration dpdInterval = Duration.ofSeconds(30);
    private LongSupplier inboundActivity;
    private boolean mobike = true;
    private boolean redirect = true;
    private int maxRedirects = DEFAULT_MAX_REDIRECTS;
    private InetAddress redirectedFrom;
    private List<InetAddress> requestedAddresses = List.of();

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder gateway(String host, int port) {
      this.gatewayHost = host;
      this.gatewayPort = port;
      return this;
    }

    public Builder gateway(String host) {
      return gateway(host, IKE_PORT);
    }

    public Builder localIdentity(IkeIdentity id) {
      this.localIdentity = id;
      return this;
    }

    public Builder remoteIdentity(IkeIdentity id) {
      this.remoteIdentity = id;
      return this;
    }

    public Builder trustAnchors(List<X509Certificate> anchors) {
      this.trustAnchors = List.copyOf(anchors);
      return this;
    }

    public Builder systemTrust(boolean trust) {
      this.systemTrust = trust;
      return this;
    }

    /** SHA-256 fingerprints (32 octets each) the gateway's certificate must match. */
    public Builder gatewayCertificatePins(List<byte[]> sha256) {
      this.pins = sha256.stream().map(byte[]::clone).toList();
      return this;
    }

    public Builder auth(AuthConfig auth) {
      this.auth = auth;
      return this;
    }

    public Builder ikeProposals(List<IkeProposal> proposals) {
      this.ikeProposals = List.copyOf(proposals);
      return this;
    }

    public Builder espProposals(List<EspProposal> proposals) {
      this.espProposals = List.copyOf(proposals);
      return this;
    }

    public Builder configRequest(Set<ConfigAttribute> attributes) {
      this.configRequest = Set.copyOf(attributes);
      return this;
    }

    public Builder trafficSelectors(List<TrafficSelector> local, List<TrafficSelector> remote) {
      this.localSelectors = List.copyOf(local);
      this.remoteSelectors = List.copyOf(remote);
      return this;
    }

    public Builder fragmentation(boolean on, int maxDatagramSize) {
      this.fragmentation = on;
      this.fragmentSize = maxDatagramSize;
      return this;
    }

    public Builder forceUdpEncapsulation(boolean force) {
      this.forceUdpEncapsulation = force;
      return this;
    }

    public Builder retransmission(RetransmissionPolicy policy) {
      this.retransmission = policy;
      return this;
    }

    public Builder keyLog(KeyLogSink sink) {
      this.keyLog = sink;
      return this;
    }

    /** Installs each CHILD SA into the data path once negotiated, deletes it when it goes. */
    public Builder saInstaller(SaInstaller installer) {
      this.saInstaller = installer;
      return this;
    }

    /** IKE SA lifetime (default {@link SaLifetime#ikeDefaults()}). */
    public Builder ikeLifetime(SaLifetime lifetime) {
      this.ikeLifetime = lifetime;
      return this;
    }

    /** CHILD SA lifetime (default {@link SaLifetime#childDefaults()}). */
    public Builder childLifetime(SaLifetime lifetime) {
      this.childLifetime = lifetime;
      return this;
    }

    /** Dead-peer detection interval (default 30 s; zero: off). */
    public Builder dpd(Duration interval) {
      this.dpdInterval = interval;
      return this;
    }

    /** A counter of the data path's inbound traffic from the gateway (see the getter). */
    public Builder inboundActivity(LongSupplier counter) {
      this.inboundActivity = counter;
      return this;
    }

    /** Offer MOBIKE (default on). */
    public Builder mobike(boolean on) {
      this.mobike = on;
      return this;
    }

    /** Accept redirects, following at most {@code max} per session (default on, 5). */
    public Builder redirect(boolean on, int max) {
      this.redirect = on;
      this.maxRedirects = max;
      return this;
    }

    /** The gateway whose redirect this session follows (see the getter). */
    public Builder redirectedFrom(InetAddress original) {
      this.redirectedFrom = original;
      return this;
    }

    /** Virtual addresses to ask for (see the getter). */
    public Builder requestedAddresses(List<InetAddress> addresses) {
      this.requestedAddresses = List.copyOf(addresses);
      return this;
    }

    /**
     * Checks and builds the parameters.
     *
     * @throws IkeSessionException at {@link FailureStep#PREPARE} naming what is missing or wrong
     */
    public IkeSessionParams build() throws IkeSessionException {
      require(gatewayHost != null && !gatewayHost.isBlank(), "no gateway address");
      require(gatewayPort > 0 && gatewayPort <= 65535, "gateway port " + gatewayPort);
      require(auth != null, "no authentication method");
      require(!ikeProposals.isEmpty(), "no IKE proposal");
      require(!espProposals.isEmpty(), "no ESP proposal");
      require(!localSelectors.isEmpty() && !remoteSelectors.isEmpty(), "no traffic selectors");
      require(pins.stream().allMatch(p -> p.length == 32),
          "a gateway certificate pin is not a SHA-256 fingerprint (32 octets)");
      require(fragmentSize >= 576 && fragmentSize <= 65535, "fragment size " + fragmentSize);
      require(ikeLifetime != null && childLifetime != null, "no SA lifetime");
      require(dpdInterval != null && !dpdInterval.isNegative(),
          "dead-peer detection interval " + dpdInterval);
      require(maxRedirects >= 0 && maxRedirects <= 20, "at most " + maxRedirects + " redirects");
      boolean needsCa = !(auth instanceof AuthConfig.Psk);
      require(
          !needsCa || systemTrust || !trustAnchors.isEmpty(),
          "no CA certificate to check the gateway with (add one, or enable the system trust"
              + " store)");
      return new IkeSessionParams(this);
    }

    private static void require(boolean ok, String detail) throws IkeSessionException {
      if (!ok) {
        throw ProposalTransforms.invalid(detail);
      }
    }
  }
}
