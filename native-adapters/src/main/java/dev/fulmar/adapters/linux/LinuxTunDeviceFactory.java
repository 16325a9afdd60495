package dev.fulmar.adapters.linux;

import static dev.fulmar.adapters.linux.Native.LIBC;

import dev.fulmar.core.spi.SystemChangeJournal;
import dev.fulmar.core.spi.SystemConfigException;
import dev.fulmar.core.spi.SystemConfigException.Step;
import dev.fulmar.core.spi.TunDevice;
import dev.fulmar.core.spi.TunDeviceFactory;
import dev.fulmar.core.spi.TunOptions;
import dev.fulmar.core.spi.UndoStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jnr.ffi.Pointer;

/**
 * Creates {@link LinuxTunDevice}s through {@code /dev/net/tun} in the calling thread's network
 * namespace.
 *
 * <p>The name is chosen before the device is created (the first free {@code fulmar0},
 * {@code fulmar1}, ...), so that the journal can record the device before it exists; the device
 * itself is not persistent and disappears with its descriptor, even on {@code kill -9}.
 */
public final class LinuxTunDeviceFactory implements TunDeviceFactory {

  static final long TUNSETIFF = 0x400454caL;
  static final long SIOCSIFMTU = 0x8922L;
  static final short IFF_TUN = 0x0001;
  static final short IFF_NO_PI = 0x1000;
  static final short IFF_VNET_HDR = 0x4000;
  static final int IFNAMSIZ = 16;
  static final int IFREQ_SIZE = 40;
  private static final int AF_INET = 2;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 0x80000;

  private final SystemChangeJournal journal;
  private final String devicePath;

  /** Records each device in {@code journal}; opens the standard {@code /dev/net/tun}. */
  public LinuxTunDeviceFactory(SystemChangeJournal journal) {
    this(journal, "/dev/net/tun");
  }

  LinuxTunDeviceFactory(SystemChangeJournal journal, String devicePath) {
    this.journal = journal;
    this.devicePath = devicePath;
  }

  @Override
  public TunDevice create(TunOptions options) throws SystemConfigException {
    boolean template = options.name().contains("%d");
    for (int i = 0; i < (template ? 256 : 1); i++) {
      String name = options.name().replace("%d", Integer.toString(i));
      if (LIBC.if_nametoindex(name) != 0) {
        continue;
      }
      TunDevice device = tryCreate(name, options);
      if (device != null) {
        return device;
      }
    }
    throw new SystemConfigException(
        Step.CREATE_ADAPTER,
        template
            ? "no free interface name for template " + options.name()
            : "interface " + options.name() + " already exists");
  }

  /** Creates {@code name}, or returns null when another device took the name meanwhile. */
  private TunDevice tryCreate(String name, TunOptions options) throws SystemConfigException {
    UndoStep step = LinuxUndoActions.deleteTunDevice(name);
    try {
      journal.record(step);
    } catch (IOException e) {
      throw new SystemConfigException(Step.CREATE_ADAPTER, "cannot journal " + name, e);
    }
    int fd = -1;
    try {
      fd = openTun();
      short flags = (short) (IFF_TUN | IFF_NO_PI | (options.offload() ? IFF_VNET_HDR : 0));
      int err = setIff(fd, name, flags);
      if (err == Native.EBUSY || err == Native.EEXIST) {
        LIBC.close(fd);
        journal.discard(step);
        return null;
      }
      if (err != 0) {
        throw explain("TUNSETIFF " + name, err);
      }
      setMtu(name, options.mtu());
      WakeableFd wfd = new WakeableFd(fd);
      fd = -1;
      Runnable onClose = () -> discardQuietly(step);
      if (options.offload()) {
        return LinuxVnetTunDevice.negotiate(wfd, name, options.mtu(), onClose);
      }
      return new LinuxTunDevice(wfd, name, options.mtu(), onClose);
    } catch (IOException e) {
      if (fd >= 0) {
        LIBC.close(fd);
      }
      discardQuietly(step);
      throw e instanceof SystemConfigException sce
          ? sce
          : new SystemConfigException(Step.CREATE_ADAPTER, e.getMessage(), e);
    }
  }

  private int openTun() throws SystemConfigException {
    int fd = LIBC.open(devicePath, Native.O_RDWR | Native.O_NONBLOCK | Native.O_CLOEXEC);
    if (fd < 0) {
      throw explain("open " + devicePath, Native.errno());
    }
    return fd;
  }

  /** TUNSETIFF; returns 0 or the errno. */
  private static int setIff(int fd, String name, short flags) {
    Pointer ifr = ifreq(name);
    ifr.putShort(IFNAMSIZ, flags);
    return LIBC.ioctl(fd, TUNSETIFF, ifr.address()) < 0 ? Native.errno() : 0;
  }

  /** Sets the MTU with SIOCSIFMTU on a socket of the calling thread's network namespace. */
  static void setMtu(String name, int mtu) throws IOException {
    int sock = LIBC.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) {
      throw Native.error("socket", Native.errno());
    }
    try {
      Pointer ifr = ifreq(name);
      ifr.putInt(IFNAMSIZ, mtu);
      if (LIBC.ioctl(sock, SIOCSIFMTU, ifr.address()) < 0) {
        throw Native.error("set MTU " + mtu + " on " + name, Native.errno());
      }
    } finally {
      LIBC.close(sock);
    }
  }

  static Pointer ifreq(String name) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    Pointer ifr = Native.allocate(IFREQ_SIZE);
    ifr.put(0, n, 0, Math.min(n.length, IFNAMSIZ - 1));
    return ifr;
  }

  private static SystemConfigException explain(String what, int err) {
    String hint =
        switch (err) {
          case Native.ENOENT, Native.ENODEV ->
              " (the kernel has no TUN support: load it with 'modprobe tun')";
          case Native.EPERM, Native.EACCES ->
              " (creating a TUN device needs CAP_NET_ADMIN: run fulmard as root)";
          default -> "";
        };
    return new SystemConfigException(
        Step.CREATE_ADAPTER, Native.error(what, err).getMessage() + hint);
  }

  private void discardQuietly(UndoStep step) {
    try {
      journal.discard(step);
    } catch (IOException e) {
      // stays in the journal; undoing it later is harmless (the device is gone)
    }
  }
}
