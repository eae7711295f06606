package dev.incidenttimeline.privacy;

import org.axonframework.common.caching.Cache;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Person names in events stored encrypted per person, and their erasure: the key table, the cipher, the Jackson
 * module on Axon's Jackson serializers and the {@link Erasure} service.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PersonalDataKeys personalDataKeys(DataSource dataSource, PlatformTransactionManager transactionManager,
                                             Clock clock, PersonalDataProperties properties) {
        return new PersonalDataKeys(new JdbcTemplate(dataSource), transactionManager, clock, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }

    /**
     * Adds {@link PersonalDataModule} to the object mapper of every Jackson serializer Axon builds (events, snapshots,
     * messages). The cipher is looked up on first use: a post-processor must not pull the database beans in early.
     */
    @Bean
    public static BeanPostProcessor personalDataOnJacksonSerializers(ObjectProvider<PersonalDataCipher> cipher) {
        PersonalDataModule module = new PersonalDataModule(cipher::getObject);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JacksonSerializer serializer) {
                    serializer.getObjectMapper().registerModule(module);
                }
                return bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public ErasureLock erasureLock() {
        return new ErasureLock();
    }

    @Bean
    @ConditionalOnMissingBean
    public Erasure erasure(PersonalDataKeys keys, ObjectProvider<ErasableReadModel> readModels,
                           PlatformTransactionManager transactionManager,
                           @Qualifier("incidentCache") ObjectProvider<Cache> aggregateCache, ErasureLock lock) {
        return new Erasure(keys, readModels.orderedStream().toList(), transactionManager,
                aggregateCache.getIfAvailable(), lock);
    }
}
