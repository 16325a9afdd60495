package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Packets.ip;

import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.KillSwitchPolicy;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunOptions;
import dev.fulmar.core.spi.TunnelAddress;
import dev.fulmar.core.spi.TunnelNetworkConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for {@code fulmard} that {@link LinuxPlatformIT} runs inside a namespace and kills
 * with SIGKILL: it brings up a full tunnel with DNS and the kill switch, prints {@code UP}, and
 * waits to be killed.
 */
public final class CrashingHelperMain {

  private CrashingHelperMain() {}

  public static void main(String[] args) throws Exception {
    LinuxPlatform platform = LinuxPlatform.builder()
        .journalDir(Path.of(args[0]))
        .resolvConf(Path.of(args[1]))
        .resolvedSocket(Path.of(args[0], "no-resolved"))
        .build();
    TunDevice tun = platform.tunDevices().create(new TunOptions("fulmar%d", 1400, true));
    platform.killSwitch().engage(new KillSwitchPolicy(tun.name(), List.of(ip("203.0.113.1")),
        KillSwitchPolicy.IKE_PORTS, false));
    platform.networkConfigurator().apply(new TunnelNetworkConfig(tun.name(), 1400,
        List.of(TunnelAddress.host(ip("10.8.0.2")), new TunnelAddress(ip("2001:db8:8::2"), 64)),
        RoutingMode.FULL, List.of(), ip("203.0.113.1"),
        new DnsSettings(List.of(ip("198.51.100.53")), List.of(), List.of("corp.example"))));
    System.out.println("UP " + tun.name());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
