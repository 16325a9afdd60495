package dev.fulmar.adapters.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@link CommandRunner} that records commands and answers from a script (default: success). */
final class RecordingRunner implements CommandRunner {

  final List<String> commands = new ArrayList<>();
  final List<String> inputs = new ArrayList<>();
  private final Function<String, Result> answers;

  RecordingRunner() {
    this(cmd -> new Result(0, "", ""));
  }

  RecordingRunner(Function<String, Result> answers) {
    this.answers = answers;
  }

  @Override
  public Result run(List<String> argv, String stdin) {
    String cmd = String.join(" ", argv);
    commands.add(cmd);
    inputs.add(stdin);
    return answers.apply(cmd);
  }
}
