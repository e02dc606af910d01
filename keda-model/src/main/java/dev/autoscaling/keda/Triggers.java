package dev.autoscaling.keda;

import dev.autoscaling.keda.triggers.AwsSqsQueueTrigger;
import dev.autoscaling.keda.triggers.AzureQueueTrigger;
import dev.autoscaling.keda.triggers.AzureServicebusTrigger;
import dev.autoscaling.keda.triggers.CpuTrigger;
import dev.autoscaling.keda.triggers.CronTrigger;
import dev.autoscaling.keda.triggers.KafkaTrigger;
import dev.autoscaling.keda.triggers.MemoryTrigger;
import dev.autoscaling.keda.triggers.PrometheusTrigger;
import dev.autoscaling.keda.triggers.RabbitmqTrigger;
import dev.autoscaling.keda.triggers.RedisTrigger;

/**
 * Entry points for the most used typed triggers, meant for {@code import static}; every one of KEDA's 76 scalers
 * has its class in {@code dev.autoscaling.keda.triggers} ({@code new ActivemqTrigger()}, ...).
 */
public final class Triggers {

  private Triggers() {
  }

  public static RabbitmqTrigger rabbitmq() {
    return new RabbitmqTrigger();
  }

  public static KafkaTrigger kafka() {
    return new KafkaTrigger();
  }

  public static PrometheusTrigger prometheus() {
    return new PrometheusTrigger();
  }

  /** CPU utilisation of the target's pods; KEDA needs {@code metricType} Utilization or AverageValue. */
  public static CpuTrigger cpu() {
    return new CpuTrigger();
  }

  public static MemoryTrigger memory() {
    return new MemoryTrigger();
  }

  public static CronTrigger cron() {
    return new CronTrigger();
  }

  public static AzureServicebusTrigger azureServiceBus() {
    return new AzureServicebusTrigger();
  }

  public static AzureQueueTrigger azureQueue() {
    return new AzureQueueTrigger();
  }

  public static AwsSqsQueueTrigger awsSqsQueue() {
    return new AwsSqsQueueTrigger();
  }

  public static RedisTrigger redis() {
    return new RedisTrigger();
  }
}
