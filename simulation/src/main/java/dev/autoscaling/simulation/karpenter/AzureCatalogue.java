package dev.autoscaling.simulation.karpenter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VM sizes of one Azure region that the simulation can offer: every size in the bundled on-demand price table
 * ({@code shared/reference/azure-vm-on-demand-prices.csv}) whose capacity its name gives. Azure's naming is
 * {@code Standard_<family><vCPUs><features>_v<version>} (learn.microsoft.com, "Azure virtual machine sizes naming
 * conventions"): feature {@code p} is an Arm64 (Ampere/Cobalt) CPU, {@code a} AMD, {@code l} low memory, {@code s}
 * premium storage capable, {@code d} a local disk. Memory per vCPU follows the family: D 4 GiB (2 GiB with
 * {@code l}), E 8 GiB, F 2 GiB. Left out, because the name does not give their capacity: other families (B, L, M,
 * N..., DC...), D sizes before v3 (their number is not the vCPU count), constrained-core sizes ({@code E4-2ds_v5})
 * and promotional names.
 */
public final class AzureCatalogue {

  /** The price table bundled from {@code shared/reference}. */
  public static final String PRICES = "azure-vm-on-demand-prices.csv";

  private static final Pattern SIZE = Pattern.compile("^Standard_([A-Z]+)(\\d+)([a-z]*)(?:_v(\\d+))?$");
  /** Azure's VM memory overhead Karpenter's Azure provider assumes by default (its vm-memory-overhead-percent). */
  static final double VM_MEMORY_OVERHEAD = 0.075;
  /** The kubelet's memory.available eviction threshold the provider reserves (DefaultMemoryAvailable). */
  static final long EVICTION_MEMORY_MI = 750;

  private AzureCatalogue() {
  }

  /** The sizes of this region, cheapest first (ties by name). */
  public static List<InstanceType> region(String region) {
    List<InstanceType> types = new ArrayList<>();
    try (InputStream in = AzureCatalogue.class.getResourceAsStream(PRICES)) {
      if (in == null) {
        throw new IllegalStateException(PRICES + " is not on the class path (the build bundles it from"
            + " shared/reference)");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      while ((line = reader.readLine()) != null) {
        String[] cells = line.split(",");
        if (cells.length == 3 && cells[0].equals(region)) {
          parse(cells[1], Double.parseDouble(cells[2]), region).ifPresent(types::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException("region '" + region + "': no VM size of it is in the price table");
    }
    types.sort(Comparator.comparingDouble(InstanceType::usdPerHour).thenComparing(InstanceType::name));
    return List.copyOf(types);
  }

  /** The size this name describes, if its capacity follows from the name. */
  public static Optional<InstanceType> parse(String name, double usdPerHour, String region) {
    Matcher m = SIZE.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    String family = m.group(1);
    int vcpus = Integer.parseInt(m.group(2));
    String features = m.group(3);
    int version = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
    double gibPerVcpu;
    switch (family) {
      case "D" -> {
        if (version < 3) {
          return Optional.empty();
        }
        gibPerVcpu = features.contains("l") ? 2 : 4;
      }
      case "E" -> {
        if (version < 3 || features.contains("l")) {
          return Optional.empty();
        }
        gibPerVcpu = 8;
      }
      case "F" -> gibPerVcpu = 2;
      default -> {
        return Optional.empty();
      }
    }
    if (vcpus < 1) {
      return Optional.empty();
    }
    long memoryGib = Math.round(vcpus * gibPerVcpu);
    String arch = features.contains("p") ? "arm64" : "amd64";
    long cpuAllocatable = vcpus * 1000L - Math.round(1000 * cpuReserved(vcpus));
    long memoryMi = memoryGib * 1024;
    long afterOverhead = memoryMi - (long) Math.ceil(memoryMi * VM_MEMORY_OVERHEAD);
    long memoryAllocatable = afterOverhead - (long) (1024 * memoryReservedGib(memoryGib)) - EVICTION_MEMORY_MI;
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("node.kubernetes.io/instance-type", name);
    labels.put("kubernetes.io/arch", arch);
    labels.put("kubernetes.io/os", "linux");
    labels.put("karpenter.sh/capacity-type", "on-demand");
    labels.put("topology.kubernetes.io/region", region);
    labels.put("topology.kubernetes.io/zone", region + "-1");
    labels.put("karpenter.azure.com/sku-name", name);
    labels.put("karpenter.azure.com/sku-family", family);
    labels.put("karpenter.azure.com/sku-series", family + features + "_v" + version);
    labels.put("karpenter.azure.com/sku-version", Integer.toString(version));
    labels.put("karpenter.azure.com/sku-cpu", Integer.toString(vcpus));
    labels.put("karpenter.azure.com/sku-memory", Long.toString(memoryMi));
    labels.put("karpenter.azure.com/sku-storage-premium-capable", Boolean.toString(features.contains("s")));
    return Optional.of(new InstanceType(name, family, vcpus, memoryMi, arch, version, features, usdPerHour,
        cpuAllocatable, memoryAllocatable, labels));
  }

  /** The provider's kube-reserved CPU: 6% of the first core, 4% of the second, 2% of the next two, 1% beyond. */
  static double cpuReserved(double vcpus) {
    return brackets(vcpus, new double[][] {{1, .06}, {2, .04}, {4, .02}, {Double.MAX_VALUE, .01}});
  }

  /** The provider's kube-reserved memory (GiB): 25% of the first 4, 20% to 8, 10% to 16, 6% to 128, 2% beyond. */
  static double memoryReservedGib(double gib) {
    return brackets(gib, new double[][] {{4, .25}, {8, .20}, {16, .10}, {128, .06}, {Double.MAX_VALUE, .02}});
  }

  private static double brackets(double amount, double[][] brackets) {
    double tax = 0;
    double lower = 0;
    for (double[] bracket : brackets) {
      if (amount <= lower) {
        break;
      }
      tax += (Math.min(amount, bracket[0]) - lower) * bracket[1];
      lower = bracket[0];
    }
    return tax;
  }
}
