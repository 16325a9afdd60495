package dev.fulmar.profiles.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A VPN profile: everything needed to connect to one remote-access gateway, except secrets.
 *
 * <p>Immutable; build with {@link #builder()} and change with {@link #toBuilder()}. A profile
 * object may still be invalid (it is a typed model, not a proof); {@code ProfileValidator} says
 * what is wrong. The first gateway is the primary one; the others are tried in order.
 */
public record Profile(
    UUID id,
    String name,
    List<Gateway> gateways,
    Identity localId,
    Identity remoteId,
    Trust trust,
    Authentication auth,
    Proposals proposals,
    Routing routing,
    Dns dns,
    Timers timers,
    Transport transport,
    KillSwitch killSwitch,
    boolean autoConnect,
    TrustedNetworks trustedNetworks,
    Appearance appearance,
    Diagnostics diagnostics,
    List<UnknownField> unknownFields) {

  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    gateways = List.copyOf(gateways);
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(proposals, "proposals");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(dns, "dns");
    Objects.requireNonNull(timers, "timers");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(killSwitch, "killSwitch");
    Objects.requireNonNull(trustedNetworks, "trustedNetworks");
    Objects.requireNonNull(appearance, "appearance");
    Objects.requireNonNull(diagnostics, "diagnostics");
    unknownFields = List.copyOf(unknownFields);
  }

  /** The primary gateway. */
  public Gateway gateway() {
    return gateways.get(0);
  }

  /**
   * The identity the gateway must prove: the profile's remote id, or else the primary gateway's
   * host (an IP literal as an address identity, a name as ID_FQDN).
   */
  public Identity effectiveRemoteId() {
    return remoteId != null ? remoteId : Identity.parse(gateway().host());
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    b.gateways = gateways;
    b.localId = localId;
    b.remoteId = remoteId;
    b.trust = trust;
    b.auth = auth;
    b.proposals = proposals;
    b.routing = routing;
    b.dns = dns;
    b.timers = timers;
    b.transport = transport;
    b.killSwitch = killSwitch;
    b.autoConnect = autoConnect;
    b.trustedNetworks = trustedNetworks;
    b.appearance = appearance;
    b.diagnostics = diagnostics;
    b.unknownFields = unknownFields;
    return b;
  }

  /** Builder with Fulmar's defaults for everything but name, gateway and authentication. */
  public static final class Builder {
    private UUID id = UUID.randomUUID();
    private String name;
    private List<Gateway> gateways = List.of();
    private Identity localId;
    private Identity remoteId;
    private Trust trust = Trust.SYSTEM;
    private Authentication auth;
    private Proposals proposals = Proposals.DEFAULTS;
    private Routing routing = Routing.FULL_TUNNEL;
    private Dns dns = Dns.FROM_GATEWAY;
    private Timers timers = Timers.DEFAULTS;
    private Transport transport = Transport.DEFAULTS;
    private KillSwitch killSwitch = KillSwitch.OFF;
    private boolean autoConnect;
    private TrustedNetworks trustedNetworks = TrustedNetworks.NONE;
    private Appearance appearance = Appearance.DEFAULT;
    private Diagnostics diagnostics = Diagnostics.OFF;
    private List<UnknownField> unknownFields = List.of();

    private Builder() {}

    public Builder id(UUID v) {
      id = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder gateways(List<Gateway> v) {
      gateways = v;
      return this;
    }

    public Builder gateway(String host) {
      gateways = List.of(Gateway.of(host));
      return this;
    }

    public Builder localId(Identity v) {
      localId = v;
      return this;
    }

    public Builder remoteId(Identity v) {
      remoteId = v;
      return this;
    }

    public Builder trust(Trust v) {
      trust = v;
      return this;
    }

    public Builder auth(Authentication v) {
      auth = v;
      return this;
    }

    public Builder proposals(Proposals v) {
      proposals = v;
      return this;
    }

    public Builder routing(Routing v) {
      routing = v;
      return this;
    }

    public Builder dns(Dns v) {
      dns = v;
      return this;
    }

    public Builder timers(Timers v) {
      timers = v;
      return this;
    }

    public Builder transport(Transport v) {
      transport = v;
      return this;
    }

    public Builder killSwitch(KillSwitch v) {
      killSwitch = v;
      return this;
    }

    public Builder autoConnect(boolean v) {
      autoConnect = v;
      return this;
    }

    public Builder trustedNetworks(TrustedNetworks v) {
      trustedNetworks = v;
      return this;
    }

    public Builder appearance(Appearance v) {
      appearance = v;
      return this;
    }

    public Builder diagnostics(Diagnostics v) {
      diagnostics = v;
      return this;
    }

    public Builder unknownFields(List<UnknownField> v) {
      unknownFields = v;
      return this;
    }

    public Profile build() {
      return new Profile(
          id,
          name,
          gateways,
          localId,
          remoteId,
          trust,
          auth,
          proposals,
          routing,
          dns,
          timers,
          transport,
          killSwitch,
          autoConnect,
          trustedNetworks,
          appearance,
          diagnostics,
          unknownFields);
    }
  }
}
