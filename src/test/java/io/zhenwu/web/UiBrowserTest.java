package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.security.Users;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI findings of issue #18 in real Chromium: the audit list's filters and pager, and a case page that offers
 * each reader only their steps. Screenshots under target/screenshots/ui-*.png.
 */
@ZhenwuTest
class UiBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    OrgUnits orgUnits;
    @Autowired
    Users users;

    @Test
    void theAuditorFiltersTheTrailByActorAndPagesThroughIt() {
        new HttpTestClient(port, true).login("leader", DemoData.DEMO_PASSWORD);  // at least one event of leader's
        try (var browser = new BrowserSession("ui-audit", port)) {
            WebDriver driver = browser.driver();
            browser.login("admin", DemoData.DEMO_PASSWORD);
            browser.open("/admin/audit");
            WebElement actor = driver.findElement(By.cssSelector("form.filters input[name=actor]"));
            actor.sendKeys("leader");
            driver.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            browser.waiting().until(ExpectedConditions.urlContains("actor=leader"));
            assertThat(driver.findElement(By.cssSelector(".who")).getText()).isEqualTo("admin");
            assertThat(driver.findElement(By.cssSelector("form.filters input[name=actor]")).getAttribute("value")).isEqualTo("leader");
            List<WebElement> actors = driver.findElements(By.cssSelector("table.audit tbody tr td:nth-child(3)"));
            assertThat(actors).isNotEmpty().allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("leader"));
            // Times in the town's zone in the one format, actions by their label.
            String firstRow = driver.findElement(By.cssSelector("table.audit tbody tr")).getText();
            assertThat(firstRow).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}").doesNotContainPattern("T\\d{2}:|Z\\b");
            browser.screenshot("ui-01-audit-filtered-by-actor.png");

            browser.open("/admin/audit");
            driver.findElement(By.linkText("下一页")).click();
            browser.waiting().until(ExpectedConditions.urlContains("page=1"));
            assertThat(driver.findElement(By.cssSelector(".who")).getText()).isEqualTo("admin");
            assertThat(driver.findElements(By.cssSelector("table.audit tbody tr"))).isNotEmpty();
            driver.findElement(By.linkText("上一页")).click();
            browser.waiting().until(ExpectedConditions.urlContains("page=0"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            browser.screenshot("ui-02-audit-paged.png");
        }
    }

    @Test
    void theCasePageOffersTheClerkTheStepsAndTheLeaderNoneAndRefusesAForgedSubmit() {
        ServiceMatterFixture matter = ServiceMatterFixture.create(port, orgUnits, users);
        try (var browser = new BrowserSession("ui-case", port)) {
            WebDriver driver = browser.driver();
            browser.login(matter.clerk(), matter.password());
            browser.open("/cases/" + matter.caseId());
            assertThat(driver.findElements(By.cssSelector("form.transition"))).extracting(e -> e.getAttribute("id"))
                    .contains("transition-complete", "transition-hand_over", "transition-refuse");
            browser.screenshot("ui-03-case-clerk-steps.png");
            driver.findElement(By.id("logout")).click();

            browser.login(matter.leader(), matter.password());
            browser.open("/cases/" + matter.caseId());
            assertThat(driver.findElement(By.id("case-state")).getText()).contains("已受理");
            assertThat(driver.findElements(By.cssSelector("form.transition"))).isEmpty();
            browser.screenshot("ui-04-case-leader-no-steps.png");

            // The clerk's form, forged into the leader's page (an old tab, a role removed meanwhile): refused with the reason.
            ((JavascriptExecutor) driver).executeScript("""
                    const f = document.createElement('form');
                    f.method = 'post'; f.action = arguments[0];
                    for (const [k, v] of [['version', '0'], ['field.result', '已办结'],
                            ['_csrf', document.querySelector('meta[name=_csrf]').content]]) {
                        const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
                    }
                    document.body.appendChild(f); f.submit();""", "/cases/" + matter.caseId() + "/transitions/complete");
            WebElement reason = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-conflict")));
            assertThat(reason.getText()).contains("您无权办理这一步骤");
            assertThat(driver.findElement(By.id("case-state")).getText()).contains("已受理");
            assertThat(driver.findElements(By.cssSelector("form.transition"))).isEmpty();
            browser.screenshot("ui-05-case-forged-submit-refused.png");
            assertThat(matter.state()).isEqualTo("accepted");
        }
    }
}
