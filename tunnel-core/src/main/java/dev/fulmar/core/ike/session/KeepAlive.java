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
 * inbound ESP traffic, a liveness check. Timers refer to SAs by id or SPI (STYLE #9) and do
 * nothing if the SA is gone by the time they fire.
 */
final class KeepAlive {
  private final Session session;
  private final Exchanges exchanges;
  private final Map<Long, SessionLoop.Timer> childTimers = new HashMap<>();
  private final Map<SaId, SessionLoop.Timer> ikeTimers = new HashMap<>();
  private SessionLoop.Timer dpdTimer;
  private boolean heard;
  private long lastActivity;

  KeepAlive(Session session, Exchanges exchanges) {
    this.session = session;
    this.exchanges = exchanges;
  }

  /** The session is established on {@code lane}: arm its IKE rekey and DPD. */
  void established(Lane lane) {
    armIkeRekey(lane.sa(), session.params().ikeLifetime().pickRekeyDelay(
        session.env().random()));
    heard = false;
    armDpd();
  }

  /** A CHILD SA entered the data path: rekey it before its lifetime runs out. */
  void childInstalled(ChildSa child) {
    armChildRekey(child.inboundSpi(), session.params().childLifetime().pickRekeyDelay(
        session.env().random()));
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

  /** A message of the gateway arrived: it is alive. */
  void heardFromGateway() {
    heard = true;
  }

  private void armDpd() {
    Duration interval = session.params().dpdInterval();
    if (interval.isZero()) {
      return;
    }
    lastActivity = activity();
    dpdTimer = session.loop().schedule(interval, this::dpdDue);
  }

  private void dpdDue() {
    if (session.state() != SessionState.ESTABLISHED) {
      return;
    }
    long now = activity();
    boolean quiet = !heard && now == lastActivity;
    heard = false;
    if (quiet) {
      session.log().debug("no sign of the gateway for {}; checking liveness",
          session.params().dpdInterval());
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
    cancel(dpdTimer);
    dpdTimer = null;
  }

  private static void cancel(SessionLoop.Timer t) {
    if (t != null) {
      t.cancel();
    }
  }
}
