# An alias to an anchor that was never set gets go-yaml's error, not an internal one (found by the corpus fuzz).
cat <<'EOF' > cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: *defaults
EOF
kubectl apply -f cm.yaml
kubectl get configmaps
