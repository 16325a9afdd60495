package dev.fulmar.app.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print the bash/zsh completion script for fulmar.",
        "Install it with: fulmar completion | sudo tee /etc/bash_completion.d/fulmar",
        "or for one shell: source <(fulmar completion)"})
final class CompletionCommand implements java.util.concurrent.Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.commandLine().getParent();
    spec.commandLine().getOut().print(AutoComplete.bash(root.getCommandName(), root));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
