package io.zhenwu.web;

import io.zhenwu.demo.DemoData;
import io.zhenwu.testsupport.ZhenwuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The foundation's user-facing flows in real Chromium, with screenshots under target/screenshots/. */
@ZhenwuTest
class FoundationBrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    void login(String user) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(DemoData.DEMO_PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("page-title")));
    }

    @SuppressWarnings("unchecked")
    List<Object> consoleErrors() {
        return (List<Object>) ((JavascriptExecutor) driver).executeScript("return window.__errors || [];");
    }

    @Test
    void leaderLogsInSeesTheTreeSwitchesToEnglishAndLogsOut() {
        driver = BrowserTestSupport.startChromium("leader");
        driver.get(url("/login"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("用户名").contains("密码");
        BrowserTestSupport.screenshot(driver, "foundation-01-login.png");

        login("leader");
        assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("下蜀镇工作台");
        WebElement tree = driver.findElement(By.id("org-tree"));
        assertThat(tree.getText()).contains("下蜀镇").contains("空青村").contains("范巷村").contains("政务服务中心").doesNotContain("白兔镇");
        // ECharts rendered the chart (scripts allowed by the CSP).
        waiting().until(d -> !d.findElements(By.cssSelector("#unit-chart canvas")).isEmpty());
        // htmx expands a department in place.
        WebElement toggle = tree.findElements(By.cssSelector(".tree-toggle")).get(0);
        toggle.click();
        waiting().until(d -> d.findElement(By.id("org-tree")).getText().contains("无下级单位"));
        BrowserTestSupport.screenshot(driver, "foundation-02-home-zh.png");

        driver.findElement(By.id("lang-en")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "下蜀镇 workbench"));
        assertThat(driver.findElement(By.cssSelector(".sidenav")).getText()).contains("Home").contains("My account");
        assertThat(driver.findElement(By.id("org-tree")).getText()).contains("Village");
        driver.get(url("/account"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).as("English sticks for the session").isEqualTo("My account");
        BrowserTestSupport.screenshot(driver, "foundation-03-home-en.png");

        driver.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("您已安全退出"); // the session (and its language) ended
        driver.get(url("/"));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        BrowserTestSupport.screenshot(driver, "foundation-04-logged-out.png");
    }

    @Test
    void adminCreatesAVillageAfterFixingABadCode() {
        driver = BrowserTestSupport.startChromium("admin");
        login("admin");
        driver.get(url("/admin/org-units"));
        driver.findElement(By.linkText("下蜀镇")).click();
        driver.findElement(By.linkText("新建下级")).click();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByValue("VILLAGE");
        driver.findElement(By.id("code")).sendKeys("321183103210");
        driver.findElement(By.id("name")).sendKeys("新村");
        driver.findElement(By.cssSelector("#org-unit-form button[type=submit]")).click();
        WebElement error = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        assertThat(error.getText()).contains("须以上级代码").contains("321183102");
        BrowserTestSupport.screenshot(driver, "foundation-05-org-unit-inline-error.png");

        WebElement code = driver.findElement(By.id("code"));
        code.clear();
        code.sendKeys("321183102210");
        driver.findElement(By.cssSelector("#org-unit-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("unit-name"), "新村"));
        assertThat(driver.findElement(By.cssSelector(".flash.success")).getText()).contains("已新建");
        BrowserTestSupport.screenshot(driver, "foundation-06-org-unit-created.png");
    }

    @Test
    void auditorVerifiesTheChain() {
        driver = BrowserTestSupport.startChromium("auditor");
        login("auditor");
        driver.get(url("/admin/audit"));
        assertThat(driver.findElement(By.cssSelector("table.audit")).getText()).contains("登录");
        driver.findElement(By.id("verify-chain")).click();
        WebElement result = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#verification .flash")));
        assertThat(result.getText()).contains("哈希链完整");
        BrowserTestSupport.screenshot(driver, "foundation-07-audit-verified.png");
    }

    @Test
    void adminCreatesAUserWhoThenLogsIn() {
        driver = BrowserTestSupport.startChromium("users");
        login("admin");
        driver.get(url("/admin/users"));
        driver.findElement(By.linkText("新建用户")).click();
        String username = "wang" + System.nanoTime() % 100000;
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("displayName")).sendKeys("王芳");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("orgUnitId"))).selectByVisibleText("政务服务中心 (XS-ZWFW)");
        driver.findElement(By.cssSelector("input[name=roles][value=STAFF]")).click();
        driver.findElement(By.id("password")).sendKeys("weak");
        driver.findElement(By.cssSelector("#user-form button[type=submit]")).click();
        WebElement error = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".field-error")));
        assertThat(error.getText()).contains("至少需要10位");
        BrowserTestSupport.screenshot(driver, "foundation-08-user-weak-password.png");

        driver.findElement(By.id("password")).sendKeys("Strong#Pass2024");
        driver.findElement(By.cssSelector("#user-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlToBe(url("/admin/users")));
        // The htmx filter narrows the list as one types.
        driver.findElement(By.name("q")).sendKeys(username);
        waiting().until(d -> d.findElements(By.cssSelector("#user-results tbody tr")).size() == 1);
        assertThat(driver.findElement(By.id("user-results")).getText()).contains(username).contains("王芳").contains("部门工作人员");
        BrowserTestSupport.screenshot(driver, "foundation-09-user-created.png");

        driver.findElement(By.id("logout")).click();
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Strong#Pass2024");
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("page-title"), "政务服务中心工作台"));
    }

    @Test
    void aUserCreatesAndRevokesAnApiToken() {
        driver = BrowserTestSupport.startChromium("tokens");
        login("staff");
        driver.get(url("/account"));
        driver.findElement(By.name("name")).sendKeys("统计脚本");
        driver.findElement(By.cssSelector("form[action='/account/tokens'] button")).click();
        String token = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("new-token"))).getText();
        assertThat(token).startsWith("zw_");
        BrowserTestSupport.screenshot(driver, "foundation-10-token-created.png");
        var api = new HttpTestClient(port, false).bearer(token);
        assertThat(api.get("/api/v1/org-units").statusCode()).isEqualTo(200);

        driver.get(url("/account"));
        assertThat(driver.findElements(By.id("new-token"))).as("the secret is shown only once").isEmpty();
        driver.findElement(By.cssSelector("form[action$='/revoke'] button")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.success"), "令牌已吊销"));
        assertThat(api.get("/api/v1/org-units").statusCode()).isEqualTo(401);
    }
}
