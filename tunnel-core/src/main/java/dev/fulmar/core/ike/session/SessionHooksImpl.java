package dev.fulmar.core.ike.session;

import dev.fulmar.core.ike.task.SessionHooks;
import dev.fulmar.core.ike.task.Task;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiConsumer;

/** What tasks may ask of the session: addresses, the NAT-T switch, more tasks. */
final class SessionHooksImpl implements SessionHooks {
  private final Session session;
  private final BiConsumer<Task, List<Task>> insertAfter;

  SessionHooksImpl(Session session, BiConsumer<Task, List<Task>> insertAfter) {
    this.session = session;
    this.insertAfter = insertAfter;
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
    insertAfter.accept(anchor, tasks);
  }
}
