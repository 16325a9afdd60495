package dev.fulmar.app.cli;

import dev.fulmar.control.Limits;
import dev.fulmar.control.client.ControlClient;
import dev.fulmar.control.client.ControlException;
import dev.fulmar.control.client.EventListener;
import dev.fulmar.control.message.Event;
import dev.fulmar.control.message.LogEvent;
import dev.fulmar.control.message.LogLine;
import dev.fulmar.control.message.Topic;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Show the helper's recent log (passwords and keys removed).")
final class LogsCommand extends BaseCommand {
  private static final Object CLOSED = new Object();

  @Option(names = {"-n", "--lines"}, defaultValue = "100", paramLabel = "N",
      description = "How many lines (default: ${DEFAULT-VALUE}).")
  int lines;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until "
      + "interrupted.")
  boolean follow;

  @Override
  int run() throws CliException {
    if (lines < 1 || lines > Limits.LOG_RING_LINES) {
      throw new CliException(ExitCode.USAGE, "USAGE", "--lines must be 1 to "
          + Limits.LOG_RING_LINES);
    }
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
    try (ControlClient c = open(follow ? l : null)) {
      long last = 0;
      for (LogLine line : c.logs(lines, 0).lines()) {
        show(line);
        last = line.seq();
      }
      if (!follow) {
        return ExitCode.OK;
      }
      c.subscribe(Topic.LOG);
      return follow(events, last);
    } catch (ControlException e) {
      throw HelperLink.map(e);
    }
  }

  private int follow(BlockingQueue<Object> events, long shown) throws CliException {
    try {
      for (Object o = events.take(); o != CLOSED; o = events.take()) {
        if (o instanceof LogEvent e && e.line().seq() > shown) {
          show(e.line());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.OK;
    }
    throw new CliException(ExitCode.HELPER_NOT_RUNNING, "HELPER_NOT_RUNNING",
        "the helper closed the connection (it stopped?)");
  }

  private void show(LogLine line) {
    print(json ? JsonOut.of(line) : Human.log(line, env().clock().getZone()));
  }
}
