package uk.iroinsight.etl.job;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.inbox.InboxUpload;
import uk.iroinsight.etl.load.AuthorityLoader;
import uk.iroinsight.etl.load.LaYearValidation;
import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.published.PublishedInbox;
import uk.iroinsight.etl.privacy.SecretKeys;
import uk.iroinsight.etl.validation.ReturnValidator;
import uk.iroinsight.system.IroProperties;
import uk.iroinsight.warehouse.Warehouse;

/** The loader's parts, shared by the job and the services. */
@Configuration(proxyBeanMethods = false)
class EtlConfiguration {

    @Bean
    ReturnValidator returnValidator() {
        return ReturnValidator.withShippedRules();
    }

    @Bean
    InboxScanner inboxScanner(Clock clock) {
        return new InboxScanner(Authorities.load(), clock);
    }

    /** Files added to the inbox from the Data loads view, up to {@code iro.upload-limit} each. */
    @Bean
    InboxUpload inboxUpload(IroProperties properties, Clock clock) {
        return new InboxUpload(properties.inbox(), Authorities.load(), clock, properties.uploadLimit().toBytes());
    }

    /** What {@code validate} says about one LA-year folder (shown after an upload). */
    @Bean
    LaYearValidation laYearValidation(InboxScanner scanner, ReturnValidator validator) {
        return new LaYearValidation(scanner, validator);
    }

    /** Newer releases of the published DfE figures, from INBOX/published/. */
    @Bean
    PublishedInbox publishedInbox(Warehouse warehouse, Clock clock) {
        return new PublishedInbox(warehouse, Authorities.load(), clock);
    }

    @Bean
    Pseudonymiser pseudonymiser(IroProperties properties) {
        return new Pseudonymiser(new SecretKeys(properties.secretsDir()).pseudonymKey());
    }

    @Bean
    AuthorityLoader authorityLoader(Warehouse warehouse, ReturnValidator validator, Pseudonymiser pseudonymiser, Clock clock) {
        return new AuthorityLoader(warehouse, validator, pseudonymiser, clock);
    }
}
