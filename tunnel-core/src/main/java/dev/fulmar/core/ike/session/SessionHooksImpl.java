package dev.fulmar.core.ike.session;

import dev.fulmar.core.ike.sa.ChildSa;
import dev.fulmar.core.ike.sa.IkeSa;
import dev.fulmar.core.ike.sa.SaId;
import dev.fulmar.core.ike.task.IkeDeleteTask;
import dev.fulmar.core.ike.task.RekeyedIkeSa;
import dev.fulmar.core.ike.task.SessionHooks;
import dev.fulmar.core.ike.task.Task;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * What the tasks of one IKE SA ({@link Lane}) may ask of the session: addresses, the NAT-T switch,
 * more tasks, and what happened to the SAs, which the session reports to the listener and turns
 * into timers and lanes.
 */
final class SessionHooksImpl implements SessionHooks {
  private final Session session;
  private final Exchanges exchanges;
  private Lane lane;
  /** The gateway's new IKE SA of a rekey collision, until our own rekey decides it. */
  private Lane pending;
  private RekeyedIkeSa pendingRekey;

  SessionHooksImpl(Session session, Exchanges exchanges) {
    this.session = session;
    this.exchanges = exchanges;
  }

  void attach(Lane owner) {
    this.lane = owner;
  }

  @Override
  public InetSocketAddress localAddress() {
    return session.transport().localAddress();
  }

  @Override
  public InetSocketAddress remoteAddress() {
    return session.transport().remoteAddress();
  }

  @Override
  public void switchToNatT() throws IOException {
    session.transport().switchToNatT();
  }

  @Override
  public boolean isNatT() {
    return session.transport().isNatT();
  }

  @Override
  public void insertAfter(Task anchor, List<Task> tasks) {
    lane.insertAfter(anchor, tasks);
  }

  @Override
  public void childSaInstalled(ChildSa child) {
    exchanges.keepAlive().childInstalled(child);
  }

  @Override
  public void childSaRekeyed(ChildSa previous, ChildSa current) {
    session.listener().onChildSaRekeyed(previous.info(), current.info());
  }

  @Override
  public void childSaDeletedByPeer(ChildSa child) {
    if (!lane.sa().children().isEmpty()) {
      session.listener().onChildSaDeleted(child.info());
    }
  }

  @Override
  public void retryChildRekey(long inboundSpi, Duration delay) {
    exchanges.keepAlive().armChildRekey(inboundSpi, delay);
  }

  @Override
  public void retryIkeRekey(Duration delay) {
    exchanges.keepAlive().armIkeRekey(lane.sa(), delay);
  }

  @Override
  public SaId newSaId() {
    return session.registry().newId();
  }

  @Override
  public void ikeSaRekeyed(RekeyedIkeSa next, IkeRekeyOutcome outcome) {
    IkeSa sa = next.sa();
    session.registry().add(sa);
    Lane nextLane = exchanges.newLane(sa);
    nextLane.ctx().inheritFrom(lane.ctx(), next.encryption(), next.integrity(), next.prf(),
        next.keyExchanges());
    switch (outcome) {
      case CURRENT -> adopt(nextLane, next);
      case PENDING -> {
        pending = nextLane;
        pendingRekey = next;
      }
      case SUPERSEDED -> session.log().info(
          "the gateway completed its rekey that lost the collision; it deletes that IKE SA");
      case REDUNDANT -> {
        session.log().info("deleting the redundant IKE SA of the lost rekey collision");
        nextLane.add(new IkeDeleteTask());
        nextLane.initiateNext();
      }
      default -> throw new IllegalStateException(outcome.toString());
    }
  }

  @Override
  public void resolveIkeRekeyCollision(boolean adoptPassive) {
    if (pending == null) {
      return;
    }
    Lane p = pending;
    RekeyedIkeSa r = pendingRekey;
    pending = null;
    pendingRekey = null;
    if (adoptPassive) {
      lane.sa().setState(IkeSa.State.REKEYED);
      adopt(p, r);
    }
    // Otherwise the gateway deletes its redundant SA; its lane answers that Delete.
  }

  private void adopt(Lane next, RekeyedIkeSa r) {
    IkeSa sa = next.sa();
    session.log().info("IKE SA rekeyed: {}", sa);
    exchanges.makeCurrent(next);
    session.listener().onIkeSaRekeyed(sa.spiInitiator(), sa.spiResponder(), r.keyExchanges());
  }

  @Override
  public void addressesUpdated() {
    session.addressesUpdated();
  }
}
