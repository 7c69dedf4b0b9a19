# kubelab: --seed 11
kubectl run crash --image=busybox:1.36 --restart=Always -- sh -c 'echo starting; sleep 1; echo giving up; exit 1'
sleep 5
kubectl get pod crash
sleep 10
kubectl get pod crash
sleep 30
kubectl get pod crash
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'
echo
sleep 60
kubectl get pod crash
sleep 240
kubectl get pod crash
kubectl get pod crash -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode} {.status.containerStatuses[0].lastState.terminated.reason}'
echo
kubectl describe pod crash
kubectl run once --image=busybox:1.36 --restart=Never -- sh -c 'echo done; exit 2'
kubectl run onfailure --image=busybox:1.36 --restart=OnFailure -- sh -c 'echo ok'
sleep 10
kubectl get pods once onfailure
