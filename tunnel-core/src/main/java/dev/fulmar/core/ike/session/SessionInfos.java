package dev.fulmar.core.ike.session;

import dev.fulmar.core.api.ExchangeTiming;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.core.ike.task.TaskContext;
import java.time.Duration;
import java.util.List;

/** Builds the {@link SessionInfo} that reports what a connection negotiated. */
final class SessionInfos {
  private SessionInfos() {}

  static SessionInfo of(TaskContext ctx, IkeTransport transport, MessageWriter writer,
      MessageReader reader, List<ExchangeTiming> timings, Duration total) {
    TaskContext.Negotiated n = ctx.negotiated();
    TaskContext.Config c = n.config();
    return new SessionInfo(
        transport.localAddress(),
        transport.remoteAddress(),
        transport.usesUnprivilegedPort(),
        ctx.sa().spiInitiator(),
        ctx.sa().spiResponder(),
        n.encryption(),
        n.integrity(),
        n.prf(),
        n.keyExchanges(),
        n.localIdentity(),
        n.remoteIdentity(),
        n.remoteCertificateSubject(),
        n.authMethod(),
        c.virtualAddresses(),
        c.dnsServers(),
        c.dnsDomains(),
        c.splitSubnets(),
        n.child(),
        n.nat(),
        ctx.peerSupportsFragmentation(),
        writer.fragmentedMessagesSent(),
        reader.fragmentedMessagesReceived(),
        timings,
        total,
        ctx.mobike());
  }
}
