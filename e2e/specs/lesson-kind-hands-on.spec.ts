/**
 * Lesson 2 (the kind hands-on) in the browser: a learner opens it, types each step's commands into
 * the terminal (opening the step's files from the lesson), and sees every step tick. Also the
 * language switch, and the deep link to a step.
 */
import type { TerminalPage } from '../fixtures/terminal';
import { expect, test } from '../fixtures';

const TITLE = 'Hands-on with a kind cluster';

/** Types a line, then waits until the command finished and a shell prompt (`$ `, `/ # `, `...:/# `) is back. */
async function type(terminal: TerminalPage, line: string): Promise<void> {
  await terminal.run(line);
  await expect.poll(() => terminal.currentLine(), { message: `a prompt after \`${line}\``, timeout: 30_000 }).toMatch(/[$#] $/);
}

test.describe('lesson 2: the kind hands-on', () => {
  test.beforeEach(async ({ lab }) => lab.open());

  test('typing each step\'s commands ticks every step', async ({ page, terminal, lessons, time }) => {
    test.setTimeout(180_000);
    await time.speed().selectOption('30');
    await lessons.open(TITLE).click();
    await expect(lessons.step(1)).toHaveAccessibleName(/\(current\)$/);
    await expect(lessons.region().getByText('Still to do: create the kind cluster "single-cluster"')).toBeVisible();

    for (const line of ['touch ~/.kube/single-config', 'export KUBECONFIG=~/.kube/single-config', 'kind create cluster --name single-cluster']) await type(terminal, line);
    await lessons.waitForStepDone(1);
    await expect(lessons.step(2)).toHaveAccessibleName(/\(current\)$/);

    for (const line of ['mkdir -p ~/workspace/kind-single-test', 'echo "export KUBECONFIG=~/.kube/single-config" >> ~/workspace/kind-single-test/.envrc', 'direnv allow ~/workspace/kind-single-test', 'cd ~/workspace/kind-single-test']) await type(terminal, line);
    await lessons.waitForStepDone(2);

    for (const line of ['kubectl cluster-info', 'kubectl get nodes', 'kubectl describe node single-cluster-control-plane']) await type(terminal, line);
    await lessons.waitForStepDone(3);

    // The step's file opens in the editor, saved where the terminal is.
    await lessons.region().getByRole('button', { name: 'Open nginx-pod.yaml in the editor' }).click();
    await expect(page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'nginx-pod.yaml', selected: true })).toBeVisible();
    for (const line of ['kubectl apply -f nginx-pod.yaml', 'kubectl get pods -o wide']) await type(terminal, line);
    await terminal.waitForText('pod/nginx-pod created');
    await lessons.waitForStepDone(4);

    await lessons.region().getByRole('button', { name: 'Open nginx-deployment.yaml in the editor' }).click();
    for (const line of ['kubectl apply -f nginx-deployment.yaml', 'kubectl get deployments']) await type(terminal, line);
    await lessons.waitForStepDone(5);

    // The prediction comes before the big moment.
    await lessons.region().getByRole('button', { name: 'Three, one of them new' }).click();
    await expect(lessons.region().getByText('Right.')).toBeVisible();
    const before = (await terminal.lines()).length;
    await type(terminal, 'kubectl get pods -l app=nginx');
    const pod = (await terminal.lines()).slice(before).map((l) => /^(nginx-deployment-\S+)\s+1\/1\s+Running/.exec(l)?.[1]).find(Boolean);
    expect(pod).toBeTruthy();
    await type(terminal, `kubectl delete pod ${pod}`);
    await lessons.waitForStepDone(6);

    await lessons.region().getByRole('button', { name: 'Open nginx-service.yaml in the editor' }).click();
    for (const line of ['kubectl apply -f nginx-service.yaml', 'kubectl get services', 'kubectl get endpoints']) await type(terminal, line);
    await lessons.waitForStepDone(7);

    for (const line of ['kubectl run test-pod --rm -it --image=busybox -- /bin/sh', 'wget -qO- nginx-service', 'exit']) await type(terminal, line);
    await terminal.waitForText('Welcome to nginx!');
    await lessons.waitForStepDone(8);

    for (const line of ['docker ps', 'docker exec -it single-cluster-control-plane /bin/bash', 'journalctl -u kubelet', 'exit']) await type(terminal, line);
    await lessons.waitForStepDone(9);

    for (const line of ['cd', 'kind delete clusters single-cluster', 'rm ~/.kube/single-config', 'rm -rf ~/workspace/kind-single-test']) await type(terminal, line);
    await lessons.waitForStepDone(10);
    await expect(lessons.region().getByText('Lesson complete. Well done!')).toBeVisible();
    await expect(lessons.region().getByText('10 / 10 steps done')).toBeVisible();
    await expect(page).toHaveURL(/#lesson=02-kind-hands-on&step=10$/);
    await page.screenshot({ path: 'test-results/lesson-kind-hands-on.png' });
  });

  test('switches lesson text and the panel\'s own words to Korean and back, and remembers it', async ({ page, lessons, terminal }) => {
    await lessons.open(TITLE).click();
    await expect(lessons.step(1)).toHaveAccessibleName('Step 1: Create a cluster with its own kubeconfig (current)');
    await lessons.language('한국어').click();
    await expect(lessons.language('한국어')).toHaveAttribute('aria-pressed', 'true');
    await expect(lessons.region().getByRole('heading', { name: 'kind 클러스터 실습' })).toBeVisible();
    await expect(lessons.step(1)).toHaveAccessibleName('1단계: 전용 kubeconfig로 클러스터 만들기 (진행 중)');
    await expect(lessons.region().getByRole('button', { name: '← 레슨 목록' })).toBeVisible();
    await expect(lessons.region().getByText('남은 일:')).toBeVisible();

    await page.reload();
    await expect.poll(() => terminal.currentLine()).toBe('$ ');
    await expect(lessons.region().getByRole('heading', { name: 'kind 클러스터 실습' })).toBeVisible();
    await lessons.language('English').click();
    await expect(lessons.region().getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(lessons.region().getByText('Still to do:')).toBeVisible();
  });
});

test.describe('a lesson deep link', () => {
  test('a deep link opens the lesson at its step, with the steps before it done for the learner', async ({ lab, lessons, terminal }) => {
    await lab.open('#lesson=02-kind-hands-on&step=4');
    await expect(lessons.step(4)).toHaveAccessibleName(/\(current\)$/);
    for (const n of [1, 2, 3]) await expect(lessons.step(n)).toHaveAccessibleName(/\(done\)$/);
    await terminal.waitForText('$ kind create cluster --name single-cluster');
    await expect(lessons.region().getByText('Still to do: create the pod "nginx-pod"')).toBeVisible();

    // A command button pastes into the terminal without running it; "Show me" runs the step.
    await lessons.region().getByRole('button', { name: 'Paste into the terminal: kubectl get pods -o wide' }).click();
    await expect.poll(() => terminal.currentLine()).toBe('$ kubectl get pods -o wide');
    await terminal.press('Control+c');
    await lessons.region().getByRole('button', { name: 'Show me', exact: true }).click();
    await terminal.waitForText('pod/nginx-pod created');
    await lessons.waitForStepDone(4);
    await expect(lessons.step(5)).toHaveAccessibleName(/\(current\)$/);
  });
});
