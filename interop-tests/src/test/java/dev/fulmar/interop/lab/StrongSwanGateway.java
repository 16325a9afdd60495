package dev.fulmar.interop.lab;

import java.time.Duration;

/**
 * A strongSwan gateway in the lab's gateway namespace: charon-systemd (5.9.8 from the host or 6.1
 * from the sid chroot) with a {@link CharonConfig}, usually made by {@link GatewayConfig}.
 *
 * <pre>{@code
 * StrongSwanGateway gw = StrongSwanGateway.start(lab, GatewayConfig.remoteAccess(pki).build());
 * ... connect a client ...
 * IkeSa sa = gw.awaitSa(IkeSa::established, Duration.ofSeconds(5)).orElseThrow();
 * assertThat(sa.proposal()).isEqualTo("AES_GCM_16-256/PRF_HMAC_SHA2_384/ECP_384");
 * }</pre>
 */
public final class StrongSwanGateway extends StrongSwanInstance {
  private final boolean cookiesForced;

  private StrongSwanGateway(CharonDaemon daemon, boolean cookiesForced) {
    super(daemon);
    this.cookiesForced = cookiesForced;
  }

  /** Starts a strongSwan 5.9.8 gateway. */
  public static StrongSwanGateway start(Lab lab, CharonConfig config) {
    return start(lab, config, StrongSwanVersion.V5_9);
  }

  /** Starts a gateway of the given strongSwan build and loads {@code config}. */
  public static StrongSwanGateway start(Lab lab, CharonConfig config, StrongSwanVersion version) {
    CharonDaemon d = new CharonDaemon(lab, lab.gateway(), "gateway", config, version);
    StrongSwanGateway gw = new StrongSwanGateway(d, config.cookiesForced());
    d.start();
    gw.afterStart();
    return gw;
  }

  @Override
  void afterStart() {
    if (cookiesForced) {
      CookieDecoy.holdHalfOpen(daemon.lab(), this);
    }
  }

  /** The number of half-open IKE_SAs (IKE_SA_INIT done, IKE_AUTH not). */
  public int halfOpenSas() {
    ViciMessage ikesas = stats().section("ikesas");
    return ikesas == null ? 0 : IkeSa.num(ikesas.get("half-open"));
  }

  /** Waits until the gateway holds no IKE_SA of a client (e.g. after a client disconnected). */
  public boolean awaitNoClientSa(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      if (listSas().stream().noneMatch(sa -> !CharonConfig.COOKIE_DECOY.equals(sa.name()))) {
        return true;
      }
      CharonDaemon.sleep(50);
    } while (System.nanoTime() < deadline);
    return false;
  }
}
