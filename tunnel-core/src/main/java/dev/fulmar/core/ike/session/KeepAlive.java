package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.SaLifetime;
import dev.fulmar.core.api.SessionLoop;
import dev.fulmar.core.api.SessionState;
import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.SaId;
import dev.fulmar.core.ike.task.ChildRekeyTask;
import dev.fulmar.core.ike.task.IkeRekeyTask;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The timers that keep an established tunnel up: the rekey of every CHILD SA and of the IKE SA
 * before their lifetimes run out (RFC 7296 §2.8, with the jitter of {@link SaLifetime}), and
 * dead-peer detection (§2.4): after a DPD interval without a message from the gateway and without
 * inbound ESP traffic, a liveness check. Signs of life are sampled {@link #DPD_SAMPLES} times per
 * interval, so the check goes out about one interval after the last of them rather than up to
 * two. Timers refer to SAs by id or SPI (STYLE #9) and do
 * nothing if the SA is gone by the time they fire.
 */
final class KeepAlive {
  /** At most this long before AUTH_LIFETIME runs out, the re-authentication starts. */
  static final Duration REAUTH_MARGIN = Duration.ofMinutes(1);
  /** How often per DPD interval the inbound traffic counter is looked at. */
  static final int DPD_SAMPLES = 5;
  /** How soon an IKE SA rekey postponed for the gateway's unfinished one is looked at again. */
  static final Duration FOLLOWUP_RECHECK = Duration.ofSeconds(10);
  /** The DPD sampling period is never shorter than this. */
  static final Duration MIN_DPD_SAMPLE = Duration.ofSeconds(1);

  private final Session session;
  private final Exchanges exchanges;
  private final Map<Long, SessionLoop.Timer> childTimers = new HashMap<>();
  private final Map<SaId, SessionLoop.Timer> ikeTimers = new HashMap<>();
  private SessionLoop.Timer reauthTimer;
  /** The hard expiry of every SA (SaLifetime.expireAfter): a no-op if it was replaced. */
  private final java.util.List<SessionLoop.Timer> expiryTimers = new java.util.ArrayList<>();
  private final java.util.Set<SaId> expiring = new java.util.HashSet<>();
  private SessionLoop.Timer dpdTimer;
  private boolean heard;
  private long lastActivity;
  /** Loop time of the last sign of life (or of the last liveness check sent). */
  private long lastSignNanos;

  KeepAlive(Session session, Exchanges exchanges) {
    this.session = session;
    this.exchanges = exchanges;
  }

  /** The session is established on {@code lane}: arm its IKE rekey and DPD. */
  void established(Lane lane) {
    armIkeRekey(lane.sa(), session.params().ikeLifetime().pickRekeyDelay(
        session.env().random()));
    heard = false;
    cancel(dpdTimer);
    lastActivity = activity();
    lastSignNanos = session.loop().nanoTime();
    armDpd();
  }

  /** A CHILD SA entered the data path: rekey it before its lifetime runs out. */
  void childInstalled(ChildSa child) {
    SaLifetime lifetime = session.params().childLifetime();
    armChildRekey(child.inboundSpi(), lifetime.pickRekeyDelay(session.env().random()));
    long spi = child.inboundSpi();
    expiryTimers.add(session.loop().schedule(lifetime.expireAfter(), () -> {
      ChildSa c = exchanges.current().sa().childByInboundSpi(spi).orElse(null);
      if (c != null && (c.state() == ChildSa.State.INSTALLED
          || c.state() == ChildSa.State.REKEYING)) {
        exchanges.expired("CHILD SA");
      }
    }));
  }

  void armChildRekey(long inboundSpi, Duration delay) {
    cancel(childTimers.remove(inboundSpi));
    childTimers.put(inboundSpi, session.loop().schedule(delay, () -> childRekeyDue(inboundSpi)));
  }

  private void childRekeyDue(long inboundSpi) {
    childTimers.remove(inboundSpi);
    if (session.state() != SessionState.ESTABLISHED) {
      return;
    }
    Lane lane = exchanges.current();
    ChildSa child = lane.sa().childByInboundSpi(inboundSpi).orElse(null);
    if (child == null || child.state() != ChildSa.State.INSTALLED) {
      return;
    }
    session.log().info("CHILD SA {} is due for rekeying", String.format("%08x", inboundSpi));
    lane.add(new ChildRekeyTask(lane.ctx(), inboundSpi));
    lane.initiateNext();
  }

  void armIkeRekey(IkeSa sa, Duration delay) {
    SaId id = sa.id();
    if (!ikeTimers.containsKey(id) && !expiring.contains(id)) {
      expiring.add(id);
      expiryTimers.add(session.loop().schedule(session.params().ikeLifetime().expireAfter(),
          () -> {
            if (exchanges.current().sa().id().equals(id)) {
              exchanges.expired("IKE SA");
            }
          }));
    }
    cancel(ikeTimers.remove(id));
    ikeTimers.put(id, session.loop().schedule(delay, () -> ikeRekeyDue(id)));
  }

  private void ikeRekeyDue(SaId id) {
    ikeTimers.remove(id);
    Lane lane = exchanges.current();
    if (session.state() != SessionState.ESTABLISHED || !lane.sa().id().equals(id)
        || lane.sa().state() != IkeSa.State.ESTABLISHED) {
      return;
    }
    if (lane.sa().passiveRekeyInFollowup()) {
      // Its IKE_FOLLOWUP_KE rounds done, the gateway's rekey re-arms us (ikeSaReplaced); given
      // up, it leaves the SA to this re-check.
      session.log().info("the IKE SA is due for rekeying, but the gateway's rekey of it waits for"
          + " IKE_FOLLOWUP_KE; checking again in {} s", FOLLOWUP_RECHECK.toSeconds());
      armIkeRekey(lane.sa(), FOLLOWUP_RECHECK);
      return;
    }
    session.log().info("the IKE SA is due for rekeying");
    lane.add(new IkeRekeyTask(lane.ctx()));
    lane.initiateNext();
  }

  /** The IKE SA of {@code previous} was replaced by {@code next}'s: the rekey timer moves. */
  void ikeSaReplaced(Lane previous, Lane next) {
    cancel(ikeTimers.remove(previous.sa().id()));
    armIkeRekey(next.sa(), session.params().ikeLifetime().pickRekeyDelay(
        session.env().random()));
  }

  /**
   * The gateway ends our authentication when {@code lifetime} runs out (AUTH_LIFETIME, RFC
   * 4478), whatever IKE SA rekeys happen meanwhile: re-authenticate a tenth of it (at most a
   * minute) before.
   */
  void armReauthentication(Duration lifetime) {
    Duration margin = lifetime.dividedBy(10);
    if (margin.compareTo(REAUTH_MARGIN) > 0) {
      margin = REAUTH_MARGIN;
    }
    cancel(reauthTimer);
    session.log().info("re-authenticating in {} s (the gateway's AUTH_LIFETIME is {} s)",
        lifetime.minus(margin).toSeconds(), lifetime.toSeconds());
    reauthTimer = session.loop().schedule(lifetime.minus(margin), () -> {
      reauthTimer = null;
      if (session.state() == SessionState.ESTABLISHED) {
        exchanges.reauthenticate();
      }
    });
  }

  /** A message of the gateway arrived: it is alive. */
  void heardFromGateway() {
    heard = true;
  }

  private void armDpd() {
    Duration interval = session.params().dpdInterval();
    if (interval.isZero()) {
      return;
    }
    Duration sample = interval.dividedBy(DPD_SAMPLES);
    dpdTimer = session.loop().schedule(
        sample.compareTo(MIN_DPD_SAMPLE) < 0 ? MIN_DPD_SAMPLE : sample, this::dpdDue);
  }

  private void dpdDue() {
    if (session.state() != SessionState.ESTABLISHED) {
      return;
    }
    long nowNanos = session.loop().nanoTime();
    long counter = activity();
    if (heard || counter != lastActivity) {
      lastSignNanos = nowNanos;
      lastActivity = counter;
      heard = false;
    }
    Duration interval = session.params().dpdInterval();
    if (nowNanos - lastSignNanos >= interval.toNanos()) {
      session.log().debug("no sign of the gateway for {}; checking liveness", interval);
      lastSignNanos = nowNanos; // its answer, or its give-up, decides; not one check per sample
      exchanges.checkLiveness();
    }
    armDpd();
  }

  private long activity() {
    return session.params().inboundActivity().map(LongSupplier::getAsLong).orElse(0L);
  }

  void cancelAll() {
    childTimers.values().forEach(KeepAlive::cancel);
    childTimers.clear();
    ikeTimers.values().forEach(KeepAlive::cancel);
    ikeTimers.clear();
    cancel(reauthTimer);
    reauthTimer = null;
    expiryTimers.forEach(KeepAlive::cancel);
    expiryTimers.clear();
    cancel(dpdTimer);
    dpdTimer = null;
  }

  private static void cancel(SessionLoop.Timer t) {
    if (t != null) {
      t.cancel();
    }
  }
}
