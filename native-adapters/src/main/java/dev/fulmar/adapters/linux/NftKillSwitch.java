package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.KillSwitch;
import dev.fulmar.core.spi.KillSwitchPolicy;
import dev.fulmar.core.spi.SystemChangeJournal;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.SystemConfigException.Step;
import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.util.List;

/**
 * The kill switch as an nftables table owned by Fulmar ({@code inet fulmar}, see {@link
 * NftRuleset}). Other tables are never touched; a drop in our base chains is final whatever
 * other firewalls accept. The table is journaled before it is first created, so that a crashed
 * helper's table is removed at the next start.
 */
public final class NftKillSwitch implements KillSwitch {

  private final CommandRunner runner;
  private final SystemChangeJournal journal;
  private final UndoStep undo =
      LinuxUndoActions.deleteNftTable(NftRuleset.FAMILY, NftRuleset.TABLE);
  private boolean engaged;

  /** Runs {@code nft} through {@code runner}; records the table in {@code journal}. */
  public NftKillSwitch(CommandRunner runner, SystemChangeJournal journal) {
    this.runner = runner;
    this.journal = journal;
  }

  @Override
  public synchronized void engage(KillSwitchPolicy policy) throws SystemConfigException {
    try {
      if (!engaged) {
        journal.record(undo);
      }
      CommandRunner.Result r = runner.run(List.of("nft", "-f", "-"), NftRuleset.render(policy));
      if (r.exitCode() != 0) {
        throw new CommandRunner.CommandException(List.of("nft", "-f", "-"), r);
      }
      engaged = true;
    } catch (IOException e) {
      if (!engaged) {
        discardQuietly();
      }
      throw new SystemConfigException(Step.KILL_SWITCH, "cannot install the firewall rules: "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void release() throws SystemConfigException {
    try {
      deleteTable(runner, NftRuleset.FAMILY, NftRuleset.TABLE);
      journal.discard(undo);
      engaged = false;
    } catch (IOException e) {
      throw new SystemConfigException(Step.KILL_SWITCH, "cannot remove the firewall rules: "
          + e.getMessage(), e);
    }
  }

  @Override
  public synchronized boolean engaged() {
    return engaged;
  }

  /** Deletes a table; one that does not exist counts as deleted. */
  static void deleteTable(CommandRunner runner, String family, String table) throws IOException {
    CommandRunner.Result r = runner.run("nft", "delete", "table", family, table);
    if (r.exitCode() != 0 && !r.stderr().contains("No such file or directory")) {
      throw new CommandRunner.CommandException(List.of("nft", "delete", "table", family, table), r);
    }
  }

  private void discardQuietly() {
    try {
      journal.discard(undo);
    } catch (IOException e) {
      // deleting a table that was never created is harmless at recovery
    }
  }
}
