package dev.fulmar.helper.run;

import dev.fulmar.core.spi.KillSwitch;
import dev.fulmar.core.spi.NetworkConfigurator;
import dev.fulmar.core.spi.NetworkMonitor;
import dev.fulmar.core.spi.PeerCredentials;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.core.spi.SystemChangeJournal.RollbackReport;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.TunDeviceFactory;
import dev.fulmar.core.spi.UdpTransportFactory;
import dev.fulmar.core.spi.UndoStep;
import java.util.ArrayList;
import java.util.List;

/**
 * A platform for command tests: crash recovery reports what the test set, and creating a TUN
 * device fails as it does without CAP_NET_ADMIN. Nothing touches the host.
 */
final class FakePlatform implements Platform {
  final List<UndoStep> leftovers = new ArrayList<>();
  final List<RollbackReport.Failure> stuck = new ArrayList<>();
  int recoveries;

  @Override
  public TunDeviceFactory tunDevices() {
    return options -> {
      throw new SystemConfigException(SystemConfigException.Step.CREATE_ADAPTER,
          "open /dev/net/tun: Operation not permitted (creating a TUN device needs"
              + " CAP_NET_ADMIN: run fulmard as root)");
    };
  }

  @Override
  public UdpTransportFactory udpTransports() {
    throw new UnsupportedOperationException("no sockets in command tests");
  }

  @Override
  public NetworkConfigurator networkConfigurator() {
    throw new UnsupportedOperationException("no network changes in command tests");
  }

  @Override
  public KillSwitch killSwitch() {
    throw new UnsupportedOperationException();
  }

  @Override
  public NetworkMonitor networkMonitor() {
    throw new UnsupportedOperationException();
  }

  @Override
  public PeerCredentials peerCredentials() {
    throw new UnsupportedOperationException();
  }

  @Override
  public RollbackReport recoverAfterCrash() {
    recoveries++;
    RollbackReport r = new RollbackReport(leftovers, stuck);
    leftovers.clear();
    return r;
  }
}
