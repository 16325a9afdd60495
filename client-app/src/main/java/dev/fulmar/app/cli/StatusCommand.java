package dev.fulmar.app.cli;

import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.EventListener;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.StateEvent;
import dev.fulmar.control.message.StatsEvent;
import dev.fulmar.control.message.StatusReport;
import dev.fulmar.control.message.Topic;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the tunnel's state, what was negotiated and the traffic.")
final class StatusCommand extends BaseCommand {
  private static final Object CLOSED = new Object();

  @Option(names = "--watch", description = "Keep printing state changes and traffic (each "
      + "second) until interrupted; with --json one object per line.")
  boolean watch;

  @Override
  int run() throws CliException {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    EventListener l = new EventListener() {
      @Override
      public void onEvent(Event e) {
        events.add(e);
      }

      @Override
      public void onClosed(ControlException cause) {
        events.add(CLOSED);
      }
    };
    try (ControlClient c = open(watch ? l : null)) {
      StatusReport r = c.status();
      print(json ? JsonOut.of(JsonOut.object("ok", true, "status", r.status(), "stats",
          r.stats())) : Human.status(r.status(), r.stats(), now(), zone()));
      if (!watch) {
        return ExitCode.OK;
      }
      c.subscribe(Topic.STATE, Topic.STATS);
      return follow(events);
    } catch (ControlException e) {
      throw HelperLink.map(e);
    }
  }

  private int follow(BlockingQueue<Object> events) throws CliException {
    try {
      for (Object o = events.take(); o != CLOSED; o = events.take()) {
        if (o instanceof StateEvent s) {
          print(json ? JsonOut.of(JsonOut.object("type", "state", "status", s.status()))
              : Human.status(s.status(), null, now(), zone()));
        } else if (o instanceof StatsEvent s) {
          print(json ? JsonOut.of(JsonOut.object("type", "stats", "stats", s.stats()))
              : "  traffic       " + Human.traffic(s.stats()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK;
    }
    throw new CliException(ExitCode.HELPER_NOT_RUNNING, "HELPER_NOT_RUNNING",
        "the helper closed the connection (it stopped?)");
  }

  private Instant now() {
    return env().clock().instant();
  }

  private ZoneId zone() {
    return env().clock().getZone();
  }
}
