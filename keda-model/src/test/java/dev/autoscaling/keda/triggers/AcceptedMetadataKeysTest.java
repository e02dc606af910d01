package dev.autoscaling.keda.triggers;

import dev.autoscaling.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata keys KEDA v2.20.2 reads, per scaler: written down from KEDA's own sources, independently of the
 * catalogue and overlay the SDK generates its checks from. A row lists every key of a scaler's typed configuration
 * (embedded and nested structs included, every spelling) that KEDA looks up in the trigger's metadata,
 * {@code <name>FromEnv} for what it looks up in the scale target's environment, and the keys read from the raw
 * metadata map: by KEDA's AWS helper (identityOwner, awsAccessKeyID and the FromEnv forms), its GCP helper
 * (credentialsFromEnv, credentialsFromEnvFile), its Azure helper (cloud and the endpoint key a private cloud needs),
 * datadog's old {@code type}, pulsar's OAuth keys, sumologic's {@code query.<row>} family ({@code query.*}).
 * {@code *} stands for every key: the external scalers hand the whole metadata on. Removed keys KEDA still reads
 * (and refuses) are listed too.
 */
class AcceptedMetadataKeysTest {

  private static final String SAMPLE = "1";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "activemq | activationTargetQueueSize brokerName corsHeader destinationName managementEndpoint password passwordFromEnv restAPITemplate targetQueueSize username usernameFromEnv",
      "apache-kafka | activationLagThreshold allowIdleConsumers awsAccessKeyID awsAccessKeyIDFromEnv awsRegion awsSecretAccessKeyFromEnv bootstrapServers bootstrapServersFromEnv consumerGroup consumerGroupFromEnv ensureEvenDistributionOfPartitions excludePersistentLag identityOwner lagThreshold limitToPartitionsWithLag offsetResetPolicy partitionLimitation sasl scaleToZeroOnInvalidOffset tls topic topicFromEnv",
      "arangodb | activationQueryValue apiKey authMode authModes collection connectionLimit dbName endpoints keyParamName method query queryValue unsafeSsl",
      "artemis-queue | activationQueueLength brokerAddress brokerName corsHeader managementEndpoint password passwordFromEnv queueLength queueName restApiTemplate unsafeSsl username usernameFromEnv",
      "aws-cloudwatch | activationTargetMetricValue awsAccessKeyID awsAccessKeyIDFromEnv awsAccountId awsEndpoint awsRegion awsSecretAccessKeyFromEnv dimensionName dimensionValue expression identityOwner ignoreNullValues metricCollectionTime metricEndTimeOffset metricName metricStat metricStatPeriod metricUnit minMetricValue namespace targetMetricValue",
      "aws-dynamodb | activationTargetValue awsAccessKeyID awsAccessKeyIDFromEnv awsEndpoint awsRegion awsSecretAccessKeyFromEnv expressionAttributeNames expressionAttributeValues filterExpression identityOwner indexName keyConditionExpression tableName targetValue",
      "aws-dynamodb-streams | activationShardCount awsAccessKeyID awsAccessKeyIDFromEnv awsEndpoint awsRegion awsSecretAccessKeyFromEnv identityOwner shardCount tableName",
      "aws-kinesis-stream | activationShardCount awsAccessKeyID awsAccessKeyIDFromEnv awsEndpoint awsRegion awsSecretAccessKeyFromEnv identityOwner shardCount streamName",
      "aws-sqs-queue | activationQueueLength awsAccessKeyID awsAccessKeyIDFromEnv awsEndpoint awsRegion awsSecretAccessKeyFromEnv identityOwner queueLength queueURL queueURLFromEnv scaleOnDelayed scaleOnInFlight",
      "azure-app-insights | activationTargetValue activeDirectoryClientId activeDirectoryClientIdFromEnv activeDirectoryClientPasswordFromEnv activeDirectoryEndpoint appInsightsResourceURL applicationInsightsId applicationInsightsIdFromEnv cloud ignoreNullValues metricAggregationTimespan metricAggregationType metricFilter metricId targetValue tenantId tenantIdFromEnv",
      "azure-blob | accountName activationBlobCount blobContainerName blobCount blobDelimiter blobPrefix cloud connection connectionFromEnv connectionFromEnvFromEnv endpointSuffix globPattern recursive",
      "azure-data-explorer | activationThreshold activeDirectoryEndpoint clientId clientIdFromEnv cloud databaseName endpoint query tenantId tenantIdFromEnv threshold",
      "azure-eventhub | activationUnprocessedEventThreshold blobContainer checkpointStrategy cloud connectionFromEnv consumerGroup endpointSuffix eventHubName eventHubNameFromEnv eventHubNamespace eventHubNamespaceFromEnv stalePartitionInfoThreshold storageAccountName storageConnectionFromEnv storageEndpointSuffix unprocessedEventThreshold",
      "azure-log-analytics | activationThreshold clientId clientIdFromEnv clientSecret clientSecretFromEnv cloud logAnalyticsResourceURL query tenantId tenantIdFromEnv threshold timeout unsafeSsl workspaceId workspaceIdFromEnv",
      "azure-monitor | activationTargetValue activeDirectoryClientId activeDirectoryClientIdFromEnv activeDirectoryClientPassword activeDirectoryClientPasswordFromEnv azureResourceManagerEndpoint cloud metricAggregationInterval metricAggregationType metricFilter metricName metricNamespace resourceGroupName resourceURI subscriptionId targetValue tenantId",
      "azure-pipelines | activationTargetPipelinesQueueLength caseInsensitiveDemandsProcessing demands fetchUnfinishedJobsOnly jobsToFetch organizationURL organizationURLFromEnv parent personalAccessTokenFromEnv poolID poolName requireAllDemands requireAllDemandsAndIgnoreOthers targetPipelinesQueueLength",
      "azure-queue | accountName activationQueueLength cloud connection connectionFromEnv endpointSuffix queueLength queueLengthStrategy queueName",
      "azure-servicebus | activationMessageCount cloud connectionFromEnv endpointSuffix messageCount namespace operation queueName subscriptionName topicName useRegex",
      "beanstalkd | activationValue includeDelayed server timeout tube value",
      "cpu | containerName type value",
      "memory | containerName type value",
      "cassandra | activationTargetQueryValue clusterIPAddress consistency keyspace port protocolVersion query targetQueryValue username",
      "couchdb | activationQueryValue connectionString connectionStringFromEnv dbName host password passwordFromEnv port query queryValue username",
      "cron | desiredReplicas end start timezone",
      "datadog | activationQueryValue activationTargetValue age datadogMetricName datadogMetricNamespace hpaMetricName lastAvailablePointOffset metricUnavailableValue query queryAggregator queryValue targetValue timeout timeWindowOffset type useClusterAgentProxy",
      "dynatrace | activationThreshold from host metricSelector query queryPollingTries queryPollingWait queryTimeoutSeconds threshold",
      "elastic-forecast | activationTargetValue addresses apiKey byFieldValue cloudID index jobID lookAhead partitionFieldValue password passwordFromEnv targetValue unsafeSsl username",
      "elasticsearch | activationTargetValue addresses apiKey cloudID ignoreNullValues index metricName parameters password passwordFromEnv query searchTemplateName targetValue unsafeSsl username valueLocation",
      "etcd | activationValue endpoints passwordFromEnv usernameFromEnv value watchKey watchProgressNotifyInterval",
      "external-push | * enableTLS scalerAddress unsafeSsl",
      "external | * enableTLS scalerAddress unsafeSsl",
      "forgejo-runner | address global labels org owner repo tokenFromEnv",
      "gcp-cloudtasks | activationValue credentials credentialsFromEnv credentialsFromEnvFile credentialsFromEnvFileFromEnv filterDuration projectID queueName value",
      "gcp-storage | activationTargetObjectCount blobDelimiter blobPrefix bucketName credentials credentialsFromEnv credentialsFromEnvFile credentialsFromEnvFileFromEnv maxBucketItemsToScan targetObjectCount",
      "github-runner | applicationID applicationIDFromEnv enableEtags enableEtagsFromEnv githubApiURL githubApiURLFromEnv installationID installationIDFromEnv labels labelsFromEnv matchUnlabeledJobsWithUnlabeledRunners matchUnlabeledJobsWithUnlabeledRunnersFromEnv noDefaultLabels noDefaultLabelsFromEnv owner ownerFromEnv repos reposFromEnv runnerScope runnerScopeFromEnv targetWorkflowQueueLength targetWorkflowQueueLengthFromEnv",
      "graphite | activationThreshold authMode query queryTime serverAddress threshold",
      "huawei-cloudeye | activationTargetMetricValue dimensionName dimensionValue metricCollectionTime metricFilter metricName metricPeriod minMetricValue namespace targetMetricValue",
      "ibmmq | activationQueueDepth host operation password passwordFromEnv queueDepth queueName queueNames unsafeSsl username usernameFromEnv",
      "influxdb | activationThresholdValue authToken authTokenFromEnv database influxVersion metricKey organizationName organizationNameFromEnv query queryType serverURL thresholdValue unsafeSsl",
      "kafka | activationLagThreshold allowIdleConsumers awsAccessKeyID awsAccessKeyIDFromEnv awsRegion awsSecretAccessKeyFromEnv bootstrapServers bootstrapServersFromEnv consumerGroup consumerGroupFromEnv ensureEvenDistributionOfPartitions excludePersistentLag identityOwner lagThreshold limitToPartitionsWithLag offsetResetPolicy partitionLimitation sasl saslTokenProvider scaleToZeroOnInvalidOffset tls topic topicFromEnv unsafeSsl version",
      "kubernetes-resource | activationTargetValue format key resourceKind resourceName targetValue valueLocation valueType",
      "kubernetes-workload | activationValue groupByNode podSelector value",
      "liiklus | activationLagThreshold address group groupVersion lagThreshold topic",
      "loki | activationThreshold apiKey authMode authModes ignoreNullValues keyParamName method query serverAddress tenantName threshold unsafeSsl",
      "mssql | activationTargetValue connectionStringFromEnv database host passwordFromEnv port query targetValue username",
      "metrics-api | activationTargetValue aggregateFromKubeServiceEndpoints aggregationType apiKey authMode authModes format keyParamName method targetValue timeout unsafeSsl url valueLocation",
      "mongodb | activationQueryValue collection connectionString connectionStringFromEnv dbName host password passwordFromEnv port query queryValue scheme username",
      "mysql | activationQueryValue connectionStringFromEnv dbName host metricName passwordFromEnv port query queryValue username usernameFromEnv",
      "nats-jetstream | account accountID activationLagThreshold consumer lagThreshold natsServerMonitoringEndpoint stream useHttps",
      "nsq | activationDepthThreshold activationDepthThresholdFromEnv channel channelFromEnv depthThreshold depthThresholdFromEnv nsqLookupdHTTPAddresses nsqLookupdHTTPAddressesFromEnv topic topicFromEnv unsafeSsl unsafeSslFromEnv useHttps useHttpsFromEnv",
      "new-relic | account activationThreshold noDataError nrql queryKey region threshold",
      "opensearch | activationTargetValue addresses caCert clientCert clientKey enableTLS ignoreNullValues index metricName parameters password passwordFromEnv query searchTemplateName targetValue unsafeSsl username valueLocation",
      "openstack-metric | activationThreshold aggregationMethod granularity metricID metricsURL threshold timeout",
      "openstack-swift | activationObjectCount containerName objectCount objectDelimiter objectLimit objectPrefix onlyFiles swiftURL timeout",
      "postgresql | activationTargetQueryValue connectionFromEnv dbName host passwordFromEnv port query sslmode targetQueryValue userName",
      "predictkube | activationThreshold apiKey authMode authModes historyTimeWindow keyParamName method predictHorizon prometheusAddress query queryStep threshold",
      "prometheus | activationThreshold apiKey authMode authModes awsAccessKeyID awsAccessKeyIDFromEnv awsRegion awsSecretAccessKeyFromEnv azureManagedPrometheusResourceURL cloud credentialsFromEnv credentialsFromEnvFile customHeaders identityOwner ignoreNullValues keyParamName method namespace query queryParameters serverAddress threshold timeout unsafeSsl",
      "gcp-pubsub | activationValue aggregation credentials credentialsFromEnv credentialsFromEnvFile credentialsFromEnvFileFromEnv mode subscriptionName subscriptionNameFromEnv subscriptionSize timeHorizon topicName topicNameFromEnv value valueIfNull",
      "pulsar | activationMsgBacklogThreshold adminURL adminURLFromEnv apiKey authMode authModes clientID EndpointParams isPartitionedTopic keyParamName method msgBacklogThreshold oauthTokenURI scope subscription subscriptionFromEnv tls topic topicFromEnv",
      "rabbitmq | activationValue excludeUnacknowledged host hostFromEnv mode operation pageSize passwordFromEnv protocol queueLength queueName timeout unsafeSsl useRegex usernameFromEnv value vhostName",
      "redis | activationListLength address addresses addressesFromEnv addressFromEnv databaseIndex enableTLS host hostFromEnv hosts hostsFromEnv listLength listName password passwordFromEnv port portFromEnv ports portsFromEnv sentinelMaster sentinelMasterFromEnv sentinelPassword sentinelPasswordFromEnv sentinelUsername sentinelUsernameFromEnv unsafeSsl username usernameFromEnv",
      "redis-cluster | activationListLength address addresses addressesFromEnv addressFromEnv databaseIndex enableTLS host hostFromEnv hosts hostsFromEnv listLength listName password passwordFromEnv port portFromEnv ports portsFromEnv sentinelMaster sentinelMasterFromEnv sentinelPassword sentinelPasswordFromEnv sentinelUsername sentinelUsernameFromEnv unsafeSsl username usernameFromEnv",
      "redis-sentinel | activationListLength address addresses addressesFromEnv addressFromEnv databaseIndex enableTLS host hostFromEnv hosts hostsFromEnv listLength listName password passwordFromEnv port portFromEnv ports portsFromEnv sentinelMaster sentinelMasterFromEnv sentinelPassword sentinelPasswordFromEnv sentinelUsername sentinelUsernameFromEnv unsafeSsl username usernameFromEnv",
      "redis-cluster-streams | activationLagCount address addresses addressesFromEnv addressFromEnv consumerGroup databaseIndex enableTLS host hostFromEnv hosts hostsFromEnv lagCount password passwordFromEnv pendingEntriesCount port portFromEnv ports portsFromEnv sentinelMaster sentinelMasterFromEnv sentinelPassword sentinelPasswordFromEnv sentinelUsername sentinelUsernameFromEnv stream streamLength unsafeSsl username usernameFromEnv",
      "redis-sentinel-streams | activationLagCount address addresses addressesFromEnv addressFromEnv consumerGroup databaseIndex enableTLS host hostFromEnv hosts hostsFromEnv lagCount password passwordFromEnv pendingEntriesCount port portFromEnv ports portsFromEnv sentinelMaster sentinelMasterFromEnv sentinelPassword sentinelPasswordFromEnv sentinelUsername sentinelUsernameFromEnv stream streamLength unsafeSsl username usernameFromEnv",
      "redis-streams | activationLagCount address addresses addressesFromEnv addressFromEnv consumerGroup databaseIndex enableTLS host hostFromEnv hosts hostsFromEnv lagCount password passwordFromEnv pendingEntriesCount port portFromEnv ports portsFromEnv sentinelMaster sentinelMasterFromEnv sentinelPassword sentinelPasswordFromEnv sentinelUsername sentinelUsernameFromEnv stream streamLength unsafeSsl username usernameFromEnv",
      "selenium-grid | accessTokenFromEnv activationThreshold authTypeFromEnv browserName browserVersion capabilities enableManagedDownloads nodeMaxSessions passwordFromEnv platformName sessionBrowserName unsafeSsl url usernameFromEnv",
      "solace-direct-messaging | activationAggregatedClientAverageTxByteRateTarget activationAggregatedClientAverageTxMsgRateTarget activationAggregatedClientTxByteRateTarget activationAggregatedClientTxMsgRateTarget aggregatedClientAverageTxByteRateTarget aggregatedClientAverageTxMsgRateTarget aggregatedClientTxByteRateTarget aggregatedClientTxMsgRateTarget clientNamePattern messageVpn passwordFromEnv queuedMessagesFactor solaceSempBaseURL unsafeSSL usernameFromEnv",
      "solace-event-queue | activationMessageCountTarget activationMessageReceiveRateTarget activationMessageSpoolUsageTarget messageCountTarget messageReceiveRateTarget messageSpoolUsageTarget messageVpn password passwordFromEnv queueName solaceSempBaseURL username usernameFromEnv",
      "solarwinds | activationValue aggregation filter host intervalS metricName targetValue",
      "solr | activationTargetQueryValue collection host password query targetQueryValue username",
      "splunk-observability | activationTargetValue duration query queryAggregator targetValue",
      "splunk | activationValue host savedSearchName targetValue unsafeSsl valueField",
      "gcp-stackdriver | activationTargetValue alignmentAligner alignmentPeriodSeconds alignmentReducer credentials credentialsFromEnv credentialsFromEnvFile credentialsFromEnvFileFromEnv filter filterDuration projectId targetValue valueIfNull",
      "sumologic | activationThreshold host logsPollingInterval maxRetries quantization query query.* queryAggregator queryType resultField resultQueryRowID rollup threshold timerange timezone unsafeSsl",
      "temporal | activationTargetQueueSize apiKeyFromEnv buildId buildIdFromEnv endpoint endpointFromEnv minConnectTimeout namespace namespaceFromEnv queueTypes selectAllActive selectUnversioned targetQueueSize taskQueue taskQueueFromEnv tlsServerName unsafeSsl workerDeploymentBuildId workerDeploymentBuildIdFromEnv workerDeploymentName workerDeploymentNameFromEnv"})
  void shouldReadExactlyTheKeysKedaReads(String type, String keys) {
    Set<String> expected = new LinkedHashSet<>(List.of(keys.split(" ")));
    Set<String> accepted = new LinkedHashSet<>(TriggerMetadata.metadataKeys(type));
    if (ScalerCatalogue.rules(type).anyKey()) {
      accepted.add("*");
    }

    assertThat(accepted).as(type).containsExactlyInAnyOrderElementsOf(expected);
    // and no key of the row draws the warning KEDA's ignored keys draw
    for (String key : expected) {
      String written = key.equals("*") ? "anyOtherKey" : key.endsWith(".*") ? key.replace("*", "row1") : key;
      List<Violation> violations = TriggerMetadata.check(type, Map.of(written, SAMPLE), "m");
      assertThat(violations).as(type + " " + written).noneMatch(v -> v.path().equals("m[" + written + "]")
          && (v.message().contains("not a parameter") || v.message().contains("ignores")));
    }
  }

  @Test
  void shouldListEveryScalerOfTheCatalogue() throws Exception {
    CsvSource rows = getClass().getDeclaredMethod("shouldReadExactlyTheKeysKedaReads", String.class, String.class)
        .getAnnotation(CsvSource.class);
    List<String> types = new ArrayList<>();
    for (String row : rows.value()) {
      types.add(row.substring(0, row.indexOf('|')).trim());
    }

    assertThat(types).hasSize(76).containsExactlyInAnyOrderElementsOf(ScalerCatalogue.scalers().keySet());
  }
}
